package dev.starling.conformance.wire;

import dev.starling.io.session.ServerHooks;
import dev.starling.io.session.SessionHandle;
import dev.starling.io.session.SessionRunner;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.session.TlsSetup;
import dev.starling.io.tls.CertificateAuthority;
import dev.starling.io.tls.CertificateNames;
import dev.starling.io.tls.CertificateUsage;
import dev.starling.io.tls.TlsCredentials;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.account.AccountOperation;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.machine.session.BindingRequest;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.stream.federation.FederationConfig;
import dev.starling.machine.stream.federation.InboundServerSession;
import dev.starling.machine.stream.federation.InboundState;
import dev.starling.machine.stream.federation.OutboundServerSession;
import dev.starling.machine.stream.federation.OutboundState;
import dev.starling.model.Namespaces;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stream.StreamError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two server-to-server machines over a loopback socket, each driven by the real
 * {@link SessionRunner}: im.example.com opens a stream to example.net, STARTTLS with its server
 * certificate presented as the TLS client's, SASL EXTERNAL (XEP-0178 §4), the restart, then a
 * message that example.net routes (RFC 6120 §9.2). Certificates come from a test authority;
 * a certificate for another domain is refused with {@code <not-authorized/>} and the waiting
 * message goes back to its sender as remote-server-not-found.
 */
class FederationWireTest {

    private static final Jid SERVER1 = Jid.of("im.example.com");
    private static final Jid SERVER2 = Jid.of("example.net");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CertificateAuthority authority = CertificateAuthority.create("Starling federation test CA");
    private final TrustPolicy trust = TrustPolicy.pinned(List.of(TrustPolicy.pinOf(authority.certificate())));
    private final Recorder receiving = new Recorder();
    private final Recorder initiating = new Recorder();
    private DisposableServer listener;
    private Connection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.disposeNow();
        }
        if (listener != null) {
            listener.disposeNow();
        }
    }

    @Test
    void aMessageCrossesAnAuthenticatedStream() throws Exception {
        listen();
        SessionRunner<OutboundState> server1 = connect(certificate("im.example.com"));
        server1.offer(new SessionInput.Deliver(message("m1")));

        Stanza routed = receiving.routed.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(routed).as("example.net routed the message").isNotNull();
        assertThat(routed.from()).contains(Jid.of("juliet@im.example.com/balcony"));
        assertThat(routed.id()).contains("m1");
        assertThat(receiving.awaitEvent(SessionEvent.FederationReady.class)).isEqualTo(new SessionEvent.FederationReady(SERVER1));
        assertThat(initiating.awaitEvent(SessionEvent.FederationReady.class)).isEqualTo(new SessionEvent.FederationReady(SERVER2));

        server1.offer(new SessionInput.Deliver(message("m2"))); // on the negotiated stream, sent at once
        assertThat(receiving.routed.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).extracting(Stanza::id).isEqualTo(Option.some("m2"));

        server1.offer(new SessionInput.Close());
        assertThat(initiating.awaitEvent(SessionEvent.Ended.class)).isNotNull();
        assertThat(receiving.awaitEvent(SessionEvent.Ended.class).reason().sent()).as("an orderly close").isEmpty();
        assertThat(initiating.routed).as("nothing bounced").isEmpty();
    }

    @Test
    void aCertificateForAnotherDomainIsRefusedAndTheWaitingStanzaBounces() throws Exception {
        listen();
        SessionRunner<OutboundState> server1 = connect(certificate("elsewhere.example.org"));
        server1.offer(new SessionInput.Deliver(message("m1")));

        SessionEvent.AuthenticationFailed failed = receiving.awaitEvent(SessionEvent.AuthenticationFailed.class);
        assertThat(failed.condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
        assertThat(initiating.awaitEvent(SessionEvent.AuthenticationFailed.class).condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
        Stanza bounce = initiating.routed.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(bounce).as("the message came back").isNotNull();
        assertThat(bounce.to()).contains(Jid.of("juliet@im.example.com/balcony"));
        assertThat(bounce.error().map(error -> error.condition().wireName())).contains("remote-server-not-found");
        assertThat(receiving.routed).isEmpty();
    }

    private void listen() {
        TlsSetup tls = TlsSetups.federationServer(trust.serverContext(certificate("example.net"), true).get());
        SessionSettings settings = SessionSettings.defaults().withContentNamespace(Namespaces.SERVER);
        listener = TcpServer.create().host("127.0.0.1").port(0)
                .handle((in, out) -> {
                    AtomicReference<SessionRunner<InboundState>> runner = new AtomicReference<>();
                    in.withConnection(c -> runner.set(new SessionRunner<>(c.channel(), InboundServerSession::step,
                            InboundServerSession.initial(FederationConfig.defaults(SERVER2)), settings, receiving,
                            Option.some(receiving), Option.some(tls))));
                    runner.get().start(false);
                    return in.receive().doOnNext(bytes -> runner.get().onBytes(bytes)).then();
                })
                .bindNow(WAIT);
    }

    private SessionRunner<OutboundState> connect(TlsCredentials ours) {
        TlsSetup tls = TlsSetups.federationClient(trust.clientContext(Option.some(ours)).get(), SERVER2.domain());
        connection = TcpClient.create().host("127.0.0.1").port(listener.port()).connectNow(WAIT);
        SessionRunner<OutboundState> runner = new SessionRunner<>(connection.channel(), OutboundServerSession::step,
                OutboundServerSession.initial(FederationConfig.defaults(SERVER1), SERVER2),
                SessionSettings.defaults().withContentNamespace(Namespaces.SERVER), initiating, Option.some(initiating), Option.some(tls));
        connection.channel().eventLoop().execute(() -> {
            runner.start(false);
            connection.inbound().receive().subscribe(runner::onBytes, error -> connection.dispose());
        });
        return runner;
    }

    private TlsCredentials certificate(String domain) {
        return authority.issue(CertificateNames.forDomain(domain), CertificateUsage.SERVER);
    }

    private static Message message(String id) {
        return Message.chat(Jid.of("romeo@example.net"), "Art thou not Romeo, and a Montague?")
                .withId(Option.some(id)).withFrom(Option.some(Jid.of("juliet@im.example.com/balcony")));
    }

    /** One server's side of the assembly: what its session reported and routed. */
    private static final class Recorder implements ServerHooks {
        final BlockingQueue<Stanza> routed = new LinkedBlockingQueue<>();
        private final Sinks.Many<SessionEvent> events = Sinks.many().replay().all();

        <T extends SessionEvent> T awaitEvent(Class<T> type) {
            return events.asFlux().ofType(type).blockFirst(WAIT);
        }

        @Override
        public void onEvent(SessionHandle session, SessionEvent event) {
            events.tryEmitNext(event);
        }

        @Override
        public void route(SessionHandle session, Stanza stanza) {
            routed.add(stanza);
        }

        @Override
        public Mono<Option<StoredCredentials>> lookupCredentials(String username) {
            return Mono.error(new IllegalStateException("server-to-server streams have no accounts"));
        }

        @Override
        public Mono<Either<StanzaError, Jid>> bind(SessionHandle session, BindingRequest request) {
            return Mono.error(new IllegalStateException("server-to-server streams bind nothing"));
        }

        @Override
        public Mono<Boolean> updateAccount(AccountOperation operation) {
            return Mono.error(new IllegalStateException("server-to-server streams have no accounts"));
        }

        @Override
        public void endAccountSessions(SessionHandle session, Jid account, StreamError error) {
            throw new IllegalStateException("server-to-server streams have no accounts");
        }
    }
}
