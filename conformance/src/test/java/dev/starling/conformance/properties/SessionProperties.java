package dev.starling.conformance.properties;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.sasl.ChannelBinding;
import dev.starling.machine.sasl.SaslMechanismNames;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.client.ClientSession;
import dev.starling.machine.stream.client.ClientState;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.Bytes;
import dev.starling.model.Namespaces;
import dev.starling.model.bind.Bind;
import dev.starling.model.bind.BindFeature;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslAbort;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslChallenge;
import dev.starling.model.sasl.SaslFailure;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.sasl.SaslMechanisms;
import dev.starling.model.sasl.SaslResponse;
import dev.starling.model.sasl.SaslSuccess;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import dev.starling.model.stream.StreamHeader;
import dev.starling.model.stream.StreamVersion;
import dev.starling.model.tls.StartTls;
import dev.starling.model.tls.StartTlsFeature;
import dev.starling.model.tls.TlsProceed;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random interleavings of legal and illegal inputs never take a session machine to an undefined
 * place: no exception, the session ends at most once, a closed session does nothing more, the
 * server never routes or delivers before the resource is bound, and a stanza before negotiation
 * ends always ends the stream with {@code not-authorized} (RFC 6120 §4.3.5).
 */
class SessionProperties {

    private static final Jid DOMAIN = Jid.of("im.example.com");

    static ServerConfig serverConfig() {
        return ServerConfig.defaults(DOMAIN, new EntityServices(Array.empty(), Array.empty(), Array.empty(),
                        dev.starling.model.version.SoftwareVersion.query()))
                .withSasl(new SaslServerPolicy(false, false, false, SaslMechanismNames.all()));
    }

    @Property(tries = 2000)
    void theServerStaysDefined(@ForAll("serverInputs") List<SessionInput> inputs) {
        ServerState state = ServerSession.initial(serverConfig());
        int ended = 0;
        boolean ready = false;
        for (int i = 0; i < inputs.size(); i++) {
            SessionInput input = inputs.get(i);
            boolean wasClosed = state instanceof ServerState.Closed;
            boolean negotiating = !(state instanceof ServerState.Ready) && !(state instanceof ServerState.Closing) && !wasClosed;
            Step<ServerState, SessionOutput> step = ServerSession.step(state, input, fresh(i));
            if (wasClosed) {
                assertThat(step.outputs()).as("a closed session does nothing").isEmpty();
            }
            for (SessionOutput output : step.outputs()) {
                if (output instanceof SessionOutput.Notify notify && notify.event() instanceof SessionEvent.Ended) {
                    ended++;
                }
                if (output instanceof SessionOutput.Notify notify && notify.event() instanceof SessionEvent.Ready) {
                    ready = true;
                }
                if (output instanceof SessionOutput.Route) {
                    assertThat(ready).as("routing only after binding").isTrue();
                }
            }
            if (negotiating && state instanceof ServerState.ExpectFeatureChoice && input instanceof SessionInput.Received received
                    && received.element() instanceof Message) {
                assertThat(step.outputs()).as("a stanza before negotiation ends").anyMatch(o -> o instanceof SessionOutput.CloseStream close
                        && close.error().exists(e -> e.condition() == StreamErrorCondition.NOT_AUTHORIZED));
            }
            state = step.state();
        }
        assertThat(ended).as("the session ends at most once").isLessThanOrEqualTo(1);
    }

    @Property(tries = 2000)
    void theClientStaysDefined(@ForAll("clientInputs") List<SessionInput> inputs) {
        ClientState state = ClientSession.initial(ClientConfig.of(Jid.of("juliet@im.example.com/balcony"), "secret"));
        int ended = 0;
        for (int i = 0; i < inputs.size(); i++) {
            boolean wasClosed = state instanceof ClientState.Closed;
            Step<ClientState, SessionOutput> step = ClientSession.step(state, inputs.get(i), fresh(i));
            if (wasClosed) {
                assertThat(step.outputs()).isEmpty();
            }
            ended += step.outputs().count(o -> o instanceof SessionOutput.Notify n && n.event() instanceof SessionEvent.Ended);
            state = step.state();
        }
        assertThat(ended).isLessThanOrEqualTo(1);
    }

    private static Fresh fresh(int i) {
        return new Fresh(Instant.EPOCH.plusSeconds(i), (i + "abcdefghijklmnopqrstuvwxyz0123456789").repeat(4).substring(0, 96));
    }

    @Provide
    Arbitrary<List<SessionInput>> serverInputs() {
        StreamHeader good = StreamHeader.of(Namespaces.CLIENT).withTo(Option.some(DOMAIN));
        Arbitrary<SessionInput> any = Arbitraries.of(
                new SessionInput.Connected(false), new SessionInput.Connected(true),
                new SessionInput.HeaderReceived(good), new SessionInput.HeaderReceived(good.withVersion(Option.none())),
                new SessionInput.HeaderReceived(good.withTo(Option.some(Jid.of("other.example")))),
                new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.SERVER)),
                new SessionInput.HeaderReceived(good.withVersion(Option.some(new StreamVersion(2, 0)))),
                new SessionInput.Received(new StartTls()),
                new SessionInput.TlsEstablished(Array.of(new ChannelBinding("tls-exporter", Bytes.of(new byte[]{1}))), Array.empty()),
                new SessionInput.TlsFailed("bad"),
                new SessionInput.Received(new SaslAuth("SCRAM-SHA-256", Option.some(Bytes.of("n,,n=juliet,r=abcdefghijkl".getBytes())))),
                new SessionInput.Received(new SaslAuth("PLAIN", Option.some(Bytes.of("\0juliet\0secret".getBytes())))),
                new SessionInput.Received(new SaslAuth("X-UNKNOWN", Option.none())),
                new SessionInput.Received(new SaslResponse(Option.some(Bytes.of("garbage".getBytes())))),
                new SessionInput.Received(new SaslAbort()),
                new SessionInput.CredentialsLoaded(Option.none()),
                new SessionInput.Received(Iq.of(IqType.SET, "b1", Bind.request("balcony"))),
                new SessionInput.BindDecided(Either.right(Jid.of("juliet@im.example.com/balcony"))),
                new SessionInput.Received(Message.chat(Jid.of("romeo@example.net"), "hi")),
                new SessionInput.Received(Message.chat(Jid.of("romeo@example.net"), "hi").withFrom(Option.some(Jid.of("x@y/z")))),
                new SessionInput.ReceivedMalformed(Element.of(Namespaces.CLIENT, "iq"), StanzaErrorCondition.BAD_REQUEST, "no id"),
                new SessionInput.Received(Element.of("urn:xmpp:sm:3", "r")),
                new SessionInput.Received(StreamError.of(StreamErrorCondition.CONFLICT)),
                new SessionInput.Deliver(Message.chat(Jid.of("juliet@im.example.com/balcony"), "hello")),
                new SessionInput.InputFailed(StreamError.of(StreamErrorCondition.NOT_WELL_FORMED)),
                new SessionInput.PeerClosedStream(), new SessionInput.TransportClosed(), new SessionInput.Close(),
                new SessionInput.Terminate(StreamError.of(StreamErrorCondition.CONFLICT)),
                new SessionInput.TimerFired(TimerKey.NEGOTIATION), new SessionInput.TimerFired(TimerKey.IDLE), new SessionInput.TimerFired(TimerKey.LIVENESS),
                new SessionInput.TimerFired(TimerKey.CLOSING));
        return any.list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<SessionInput>> clientInputs() {
        StreamHeader good = StreamHeader.of(Namespaces.CLIENT).withFrom(Option.some(DOMAIN)).withId(Option.some("s1"));
        Arbitrary<SessionInput> any = Arbitraries.of(
                new SessionInput.Connected(false), new SessionInput.Connected(true),
                new SessionInput.HeaderReceived(good), new SessionInput.HeaderReceived(good.withVersion(Option.none())),
                new SessionInput.Received(StreamFeatures.of(new StartTlsFeature(true))),
                new SessionInput.Received(StreamFeatures.of(new SaslMechanisms(Array.of("SCRAM-SHA-1", "PLAIN")))),
                new SessionInput.Received(StreamFeatures.of(new BindFeature())),
                new SessionInput.Received(StreamFeatures.of()),
                new SessionInput.Received(new TlsProceed()),
                new SessionInput.TlsEstablished(Array.empty(), Array.empty()), new SessionInput.TlsFailed("bad certificate"),
                new SessionInput.Received(new SaslChallenge(Option.some(Bytes.of("r=x,s=QSXCR+Q6sek8bf92,i=4096".getBytes())))),
                new SessionInput.Received(new SaslSuccess(Option.some(Bytes.of("v=wrong".getBytes())))),
                new SessionInput.Received(new SaslFailure(SaslFailureCondition.NOT_AUTHORIZED, Option.none())),
                new SessionInput.Received(Message.chat(Jid.of("juliet@im.example.com"), "hi")),
                new SessionInput.Received(Iq.of(IqType.GET, "q1", Element.of("urn:unknown", "q"))),
                new SessionInput.SendStanza(Message.chat(Jid.of("romeo@example.net"), "hi")),
                new SessionInput.Received(StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN)),
                new SessionInput.InputFailed(StreamError.of(StreamErrorCondition.NOT_WELL_FORMED)),
                new SessionInput.PeerClosedStream(), new SessionInput.TransportClosed(), new SessionInput.Close(),
                new SessionInput.TimerFired(TimerKey.NEGOTIATION), new SessionInput.TimerFired(TimerKey.KEEPALIVE),
                new SessionInput.TimerFired(TimerKey.CLOSING), new SessionInput.TimerFired(TimerKey.iq("q9")));
        return any.list().ofMaxSize(25);
    }
}
