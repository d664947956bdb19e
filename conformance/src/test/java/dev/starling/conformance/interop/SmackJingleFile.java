package dev.starling.conformance.interop;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.bytestreams.BytestreamSession;
import org.jivesoftware.smackx.bytestreams.socks5.packet.Bytestream;
import org.jivesoftware.smackx.hashes.HashManager;
import org.jivesoftware.smackx.jingle.JingleManager;
import org.jivesoftware.smackx.jingle.JingleSession;
import org.jivesoftware.smackx.jingle.JingleUtil;
import org.jivesoftware.smackx.jingle.Role;
import org.jivesoftware.smackx.jingle.element.Jingle;
import org.jivesoftware.smackx.jingle.element.JingleContent;
import org.jivesoftware.smackx.jingle.element.JingleReason;
import org.jivesoftware.smackx.jingle.provider.JingleContentProviderManager;
import org.jivesoftware.smackx.jingle.element.JingleContentTransport;
import org.jivesoftware.smackx.jingle.transports.JingleTransportInitiationCallback;
import org.jivesoftware.smackx.jingle.transports.JingleTransportSession;
import org.jivesoftware.smackx.jingle.transports.jingle_ibb.JingleIBBTransportSession;
import org.jivesoftware.smackx.jingle.transports.jingle_ibb.element.JingleIBBTransport;
import org.jivesoftware.smackx.jingle.transports.jingle_ibb.provider.JingleIBBTransportProvider;
import org.jivesoftware.smackx.jingle.transports.jingle_s5b.JingleS5BTransportManager;
import org.jivesoftware.smackx.jingle.transports.jingle_s5b.JingleS5BTransportSession;
import org.jivesoftware.smackx.jingle.transports.jingle_s5b.elements.JingleS5BTransport;
import org.jivesoftware.smackx.jingle.transports.jingle_s5b.provider.JingleS5BTransportProvider;
import org.jivesoftware.smackx.jingle_filetransfer.element.JingleFileTransfer;
import org.jivesoftware.smackx.jingle_filetransfer.element.JingleFileTransferChild;
import org.jivesoftware.smackx.jingle_filetransfer.provider.JingleFileTransferProvider;
import org.jxmpp.jid.FullJid;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One XEP-0234 file over XEP-0260 or XEP-0261 with Smack 4.4.8 as the peer. Smack's own Jingle
 * elements and providers are on the wire, and its transport sessions run the transport. Its
 * {@link JingleS5BTransportSession} offers its candidates (the server's proxy, found by disco),
 * tries ours, sends candidate-used or candidate-error, nominates (XEP-0260 §2.4), activates its
 * own proxy and connects with its SOCKS5 client; its {@link JingleIBBTransportSession} opens or
 * accepts the in-band bytestream of the transport's sid. Smack 4.4.8 has no XEP-0234 manager (its
 * {@code JingleFileTransferManager} is empty), so the application's few steps are here: offer or
 * accept the content, then write or read the bytestream Smack hands over, and terminate.
 */
final class SmackJingleFile extends JingleSession {

    /** Whether the content was accepted (the initiator's side: the responder's session-accept). */
    final CompletableFuture<Jingle> accepted = new CompletableFuture<>();
    /** The peer's session-terminate reason. */
    final CompletableFuture<JingleReason.Reason> terminated = new CompletableFuture<>();
    /** The bytestream Smack's transport session nominated and opened. */
    final CompletableFuture<BytestreamSession> bytestream = new CompletableFuture<>();

    private final XMPPConnection connection;
    private final JingleUtil util;
    private final JingleTransportSession<?> transport;

    /** The transport Smack runs. */
    enum Method { SOCKS5, IBB }

    private SmackJingleFile(XMPPConnection connection, FullJid initiator, FullJid responder, Role role, String sid, List<JingleContent> contents,
                            Method method) {
        super(initiator, responder, role, sid, contents);
        this.connection = connection;
        this.util = new JingleUtil(connection);
        this.transport = method == Method.SOCKS5 ? new Socks5Transport(this) : new JingleIBBTransportSession(this);
        setTransportSession(transport);
    }

    /**
     * Registers Smack's providers for the file-transfer description and the SOCKS5 transport and
     * keeps its transport to the server's proxy: its local SOCKS5 server would offer this
     * machine's non-loopback addresses.
     */
    static void configure() {
        JingleContentProviderManager.addJingleContentDescriptionProvider(JingleFileTransfer.NAMESPACE_V5, new JingleFileTransferProvider());
        JingleContentProviderManager.addJingleContentTransportProvider(JingleS5BTransport.NAMESPACE_V1, new JingleS5BTransportProvider());
        JingleContentProviderManager.addJingleContentTransportProvider(JingleIBBTransport.NAMESPACE_V1, new JingleIBBTransportProvider());
        JingleS5BTransportManager.setUseLocalCandidates(false);
        JingleS5BTransportManager.setUseExternalCandidates(true);
    }

    /** Offers {@code content} as {@code name} to {@code to} over {@code method}, with its SHA-256 in the offer, and returns once acknowledged. */
    static SmackJingleFile offer(XMPPConnection connection, FullJid to, String name, byte[] content, Method method)
            throws SmackException, XMPPException.XMPPErrorException, InterruptedException {
        String sid = JingleManager.randomId();
        SmackJingleFile session = new SmackJingleFile(connection, connection.getUser(), to, Role.initiator, sid, List.of(), method);
        JingleFileTransferChild file = JingleFileTransferChild.getBuilder().setName(name).setSize(content.length)
                .setHash(HashManager.calculateHashElement(HashManager.ALGORITHM.SHA_256, content)).build();
        Jingle initiate = session.util.createSessionInitiateFileOffer(to, sid, JingleContent.Creator.initiator, "file",
                new JingleFileTransfer(List.of(file)), session.ours(sid));
        session.contents.addAll(initiate.getContents());
        JingleManager.getInstanceFor(connection).registerJingleSessionHandler(to, sid, session);
        connection.createStanzaCollectorAndSend(initiate).nextResultOrThrow();
        return session;
    }

    /**
     * Takes the session {@code initiate} opens, over the transport it offers: acknowledges it
     * (XEP-0166 §6.3 has the responder acknowledge before it accepts), then on another thread
     * accepts it with Smack's transport and starts that.
     */
    static SmackJingleFile answer(XMPPConnection connection, Jingle initiate) {
        FullJid initiator = initiate.getInitiator() != null ? initiate.getInitiator() : initiate.getFrom().asFullJidOrThrow();
        Method method = initiate.getContents().get(0).getTransport() instanceof JingleIBBTransport ? Method.IBB : Method.SOCKS5;
        SmackJingleFile session = new SmackJingleFile(connection, initiator, connection.getUser(), Role.responder, initiate.getSid(),
                initiate.getContents(), method);
        session.transport.setTheirProposal(initiate.getContents().get(0).getTransport());
        JingleManager.getInstanceFor(connection).registerJingleSessionHandler(initiator, initiate.getSid(), session);
        try {
            connection.sendStanza(IQ.createResultIQ(initiate));
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            session.bytestream.completeExceptionally(e);
            return session;
        }
        JingleManager.getThreadPool().execute(session::acceptAndConnect);
        return session;
    }

    /** The file the initiator offered. */
    JingleFileTransferChild offeredFile() {
        return (JingleFileTransferChild) contents.get(0).getDescription().getJingleContentDescriptionChildren().get(0);
    }

    /** Ends the session with {@code success}. */
    void terminateWithSuccess() throws SmackException, XMPPException.XMPPErrorException, InterruptedException {
        util.sendSessionTerminateSuccess(remote, sid);
    }

    /**
     * Smack's proposal: for SOCKS5 its candidates under {@code sid} (XEP-0260 §2.2 has both parties
     * use the initiator's), for IBB a new transport (the initiator's) or the initiator's echoed.
     */
    private JingleContentTransport ours(String sid) {
        return transport instanceof Socks5Transport socks5 ? socks5.propose(sid) : transport.createTransport();
    }

    /**
     * Accepts and starts the transport: SOCKS5 tries the initiator's candidates after the accept;
     * IBB listens for the initiator's open before it, which may follow the accept at once.
     */
    private void acceptAndConnect() {
        JingleContent offered = contents.get(0);
        String transportSid = offered.getTransport() instanceof JingleS5BTransport s5b ? s5b.getStreamId() : null;
        try {
            if (!(transport instanceof Socks5Transport)) {
                transport.initiateIncomingSession(callback());
            }
            util.sendSessionAccept(remote, sid, offered.getCreator(), offered.getName(),
                    offered.getSenders() != null ? offered.getSenders() : JingleContent.Senders.initiator,
                    offered.getDescription(), ours(transportSid));
            if (transport instanceof Socks5Transport) {
                transport.initiateIncomingSession(callback());
            }
        } catch (SmackException.NotConnectedException | InterruptedException | RuntimeException e) {
            bytestream.completeExceptionally(e);
        }
    }

    private JingleTransportInitiationCallback callback() {
        return new JingleTransportInitiationCallback() {
            @Override
            public void onSessionInitiated(BytestreamSession session) {
                bytestream.complete(session);
            }

            @Override
            public void onException(Exception e) {
                bytestream.completeExceptionally(e);
            }
        };
    }

    @Override
    protected IQ handleSessionAccept(Jingle sessionAccept) {
        transport.setTheirProposal(sessionAccept.getContents().get(0).getTransport());
        accepted.complete(sessionAccept);
        JingleManager.getThreadPool().execute(() -> {
            try {
                transport.initiateOutgoingSession(callback());
            } catch (RuntimeException e) {
                bytestream.completeExceptionally(e);
            }
        });
        return IQ.createResultIQ(sessionAccept);
    }

    @Override
    protected IQ handleSessionTerminate(Jingle sessionTerminate) {
        JingleReason.Reason reason = sessionTerminate.getReason() == null ? null : sessionTerminate.getReason().asEnum();
        terminated.complete(reason);
        if (reason != JingleReason.Reason.success) {
            // a success may overtake Smack's own bytestream callback (another of its threads): the bytes are still read from it
            bytestream.completeExceptionally(new IllegalStateException("terminated: " + sessionTerminate.toXML()));
        }
        return IQ.createResultIQ(sessionTerminate);
    }

    @Override
    public XMPPConnection getConnection() {
        return connection;
    }

    @Override
    public void onTransportMethodFailed(String namespace) {
        bytestream.completeExceptionally(new IllegalStateException("Smack's " + namespace + " transport failed"));
    }

    /** Smack's XEP-0260 transport session, proposing its candidates under the initiator's sid (XEP-0260 §2.2 has both use it). */
    private static final class Socks5Transport extends JingleS5BTransportSession {

        Socks5Transport(JingleSession session) {
            super(session);
        }

        JingleS5BTransport propose(String sid) {
            ourProposal = createTransport(sid, Bytestream.Mode.tcp);
            return ourProposal;
        }
    }
}
