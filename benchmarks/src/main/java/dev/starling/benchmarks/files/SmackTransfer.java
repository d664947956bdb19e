package dev.starling.benchmarks.files;

import dev.starling.io.server.StarlingServer;
import dev.starling.io.tls.TlsCredentials;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5Proxy;
import org.jivesoftware.smackx.filetransfer.FileTransfer;
import org.jivesoftware.smackx.filetransfer.FileTransferManager;
import org.jivesoftware.smackx.filetransfer.FileTransferNegotiator;
import org.jivesoftware.smackx.filetransfer.IncomingFileTransfer;
import org.jivesoftware.smackx.filetransfer.OutgoingFileTransfer;
import org.jxmpp.jid.impl.JidCreate;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Smack 4.4.8 sending a file to Smack over in-band bytestreams only ({@code IBB_ONLY}, its local
 * SOCKS5 proxy off) through the Starling server: Smack's IBB as its users get it.
 */
final class SmackTransfer {

    private SmackTransfer() {
    }

    static void send(StarlingServer server, TlsCredentials certificate, String password, Path file, Path target) throws Exception {
        Socks5Proxy.setLocalSocks5ProxyEnabled(false);
        FileTransferNegotiator.IBB_ONLY = true;
        XMPPTCPConnection sender = connect(server, certificate, "smack1", password);
        XMPPTCPConnection receiver = connect(server, certificate, "smack2", password);
        try {
            CompletableFuture<IncomingFileTransfer> incoming = new CompletableFuture<>();
            FileTransferManager.getInstanceFor(receiver).addFileTransferListener(request -> {
                try {
                    IncomingFileTransfer transfer = request.accept();
                    transfer.receiveFile(target.toFile());
                    incoming.complete(transfer);
                } catch (Exception e) {
                    incoming.completeExceptionally(e);
                }
            });
            OutgoingFileTransfer outgoing = FileTransferManager.getInstanceFor(sender)
                    .createOutgoingFileTransfer(JidCreate.entityFullFrom("smack2@localhost/s"));
            outgoing.sendFile(file.toFile(), "benchmark");
            IncomingFileTransfer transfer = incoming.get(10, TimeUnit.MINUTES);
            while (!transfer.isDone() || !outgoing.isDone()) {
                Thread.sleep(5); // Smack reports completion only by polling
            }
            if (transfer.getStatus() != FileTransfer.Status.complete) {
                throw new IllegalStateException("Smack's transfer ended " + transfer.getStatus() + ": " + transfer.getException());
            }
        } finally {
            sender.disconnect();
            receiver.disconnect();
        }
    }

    private static XMPPTCPConnection connect(StarlingServer server, TlsCredentials certificate, String user, String password)
            throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(server.address().getPort())
                .setUsernameAndPassword(user, password).setResource("s")
                .setSecurityMode(ConnectionConfiguration.SecurityMode.required)
                .setCustomX509TrustManager(trust(certificate))
                .setHostnameVerifier((host, session) -> true) // the pinned certificate is the identity check
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .build());
        connection.connect().login();
        return connection;
    }

    private static X509TrustManager trust(TlsCredentials certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("bench", certificate.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
