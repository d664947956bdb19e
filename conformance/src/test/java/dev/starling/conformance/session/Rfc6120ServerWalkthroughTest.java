package dev.starling.conformance.session;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.ErrataAccess;
import dev.starling.conformance.corpus.SpeakerTurnsAccess;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.SpecExample;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.io.session.DecodedInputs;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.sasl.ChannelBinding;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.sasl.ScramCredentialsFactory;
import dev.starling.machine.sasl.ScramHash;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.Bytes;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.PreApprovalFeature;
import dev.starling.model.roster.RosterVersioningFeature;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamHeader;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server half of RFC 6120 §9.1 replayed as a script: every client turn (C:) is decoded and
 * fed to the server machine, every server turn (S:, and E: as delivered by the router) must be
 * what the machine sends. The server gets the RFC's server nonce as its randomness and the RFC's
 * salt in the stored credentials, so the SCRAM challenge and the success data match byte for
 * byte. Compared without: stream ids (random), the XEP-0440 channel-binding announcement, the
 * optional RFC 3921 session feature and RFC 6121's roster versioning and pre-approval features,
 * which Starling adds to the RFC's features.
 */
class Rfc6120ServerWalkthroughTest {

    private static final String SERVER_NONCE = "e124695b-69a9-4de6-9c30-b51b3808c59e";
    private static final CodecRegistry REGISTRY = CodecRegistry.core();

    private ServerState state;
    private final Deque<Object> sent = new ArrayDeque<>();
    private final List<Stanza> routed = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();
    private final StoredCredentials juliet = new StoredCredentials(Array.of(ScramCredentialsFactory.derive(ScramHash.SHA_1,
            "r0m30myr0m30", Bytes.of(Base64.getDecoder().decode("NjhkYTM0MDgtNGY0Zi00NjdmLTkxMmUtNDlmNTNmNDNkMDMz")), 4096)));

    @Test
    void theServerFollowsTheWalkthroughOfSection9_1() {
        ServerConfig config = ServerConfig.defaults(Jid.of("im.example.com"),
                        new EntityServices(Array.empty(), Array.empty(), Array.empty(), dev.starling.model.version.SoftwareVersion.query()))
                .withSasl(new SaslServerPolicy(false, false, false, Array.of("SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN")));
        state = ServerSession.initial(config);
        feed(new SessionInput.Connected(false));

        var document = SpecCorpus.read("rfc6120.json");
        Map<Integer, String> fixed = Map.of(146, ErrataAccess.fix("RFC 6120", "rfc6120.json", 146),
                147, ErrataAccess.fix("RFC 6120", "rfc6120.json", 147));
        for (SpecExample example : document.examples()) {
            if (example.number() < 137 || example.number() > 158 || example.caption().contains("(alt)")) {
                continue;
            }
            for (var part : SpeakerTurnsAccess.split(fixed.getOrDefault(example.number(), example.text()))) {
                switch (part.speaker()) {
                    case "C" -> clientSaid(part.text());
                    case "E" -> routerDelivers(part.text());
                    default -> expectServerSent(example, part.text());
                }
            }
        }
        assertThat(checked).as("server turns compared").hasSize(9);
        assertThat(routed).singleElement().satisfies(stanza -> assertThat(stanza.from()).contains(Jid.of("juliet@im.example.com/balcony")));
        assertThat(state).isInstanceOf(ServerState.Closed.class);
    }

    private void clientSaid(String text) {
        String body = text.strip();
        if (body.equals("</stream:stream>")) {
            feed(new SessionInput.PeerClosedStream());
            return;
        }
        for (StreamEvent event : StreamReplay.events(body, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
            boolean synthetic = event instanceof StreamEvent.StreamOpened && !body.contains("<stream:stream");
            if (!synthetic) {
                feed(DecodedInputs.toInput(event, REGISTRY, Namespaces.CLIENT));
            }
        }
    }

    private void routerDelivers(String text) {
        for (StreamEvent event : StreamReplay.events(text.strip(), StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
            if (event instanceof StreamEvent.TopLevelElement top) {
                Stanza stanza = (Stanza) REGISTRY.decodeTopLevel(top.element(), Namespaces.CLIENT).get();
                feed(new SessionInput.Deliver(stanza));
                assertThat(XmlEquivalence.normalize((Element) sent.poll())).isEqualTo(XmlEquivalence.normalize(top.element()));
            }
        }
    }

    private void expectServerSent(SpecExample example, String text) {
        String body = text.strip();
        if (body.equals("</stream:stream>")) {
            assertThat(sent.poll()).as(example.id()).isEqualTo("</stream:stream>");
            checked.add(example.id());
            return;
        }
        for (StreamEvent event : StreamReplay.events(body, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
            if (event instanceof StreamEvent.StreamOpened opened && body.contains("<stream:stream")) {
                Object actual = sent.poll();
                assertThat(actual).as(example.id()).isInstanceOf(StreamHeader.class);
                assertThat(((StreamHeader) actual).withId(Option.none())).as(example.id()).isEqualTo(opened.header().withId(Option.none()));
            } else if (event instanceof StreamEvent.TopLevelElement top) {
                Object actual = sent.poll();
                assertThat(actual).as(example.id() + ": the server sent nothing").isInstanceOf(Element.class);
                assertThat(comparable((Element) actual)).as(example.id()).isEqualTo(XmlEquivalence.normalize(top.element()));
            }
        }
        checked.add(example.id());
    }

    /** The element without what Starling adds to the RFC's features (XEP-0440, optional RFC 3921 session, RFC 6121's roster features). */
    private static Element comparable(Element element) {
        Element normalized = XmlEquivalence.normalize(element);
        if (!normalized.is(Namespaces.STREAMS, "features")) {
            return normalized;
        }
        return normalized.replaceChildren(normalized.elements().filter(feature -> !feature.namespace().equals("urn:xmpp:sasl-cb:0")
                && !feature.namespace().equals(Namespaces.SESSION) && !feature.namespace().equals(RosterVersioningFeature.NAMESPACE)
                && !feature.namespace().equals(PreApprovalFeature.NAMESPACE)));
    }

    private void feed(SessionInput input) {
        Step<ServerState, SessionOutput> step = ServerSession.step(state, input,
                new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "s".repeat(36) + SERVER_NONCE + "z".repeat(24)));
        state = step.state();
        for (SessionOutput output : step.outputs()) {
            if (output instanceof SessionOutput.SendHeader header) {
                sent.add(header.header());
            } else if (output instanceof SessionOutput.Send send) {
                sent.add(REGISTRY.encode(send.element(), Namespaces.CLIENT));
            } else if (output instanceof SessionOutput.CloseStream) {
                sent.add("</stream:stream>");
            } else if (output instanceof SessionOutput.StartTls) {
                feed(new SessionInput.TlsEstablished(Array.of(ChannelBinding.class.cast(
                        new ChannelBinding("tls-server-end-point", Bytes.of(new byte[]{1})))), Array.empty()));
            } else if (output instanceof SessionOutput.LookupCredentials lookup) {
                feed(new SessionInput.CredentialsLoaded(lookup.username().equals("juliet") ? Option.some(juliet) : Option.none()));
            } else if (output instanceof SessionOutput.RequestBinding binding) {
                feed(new SessionInput.BindDecided(Either.right(binding.request().account()
                        .withResource(binding.request().requested().get()).get())));
            } else if (output instanceof SessionOutput.Route route) {
                routed.add(route.stanza());
            }
        }
    }
}
