package dev.starling.conformance.session;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.SpecExample;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.io.session.DecodedInputs;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.client.ClientSession;
import dev.starling.machine.stream.client.ClientState;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamHeader;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client half of RFC 6120 §9.1 (examples 137 to 158, the "(alt)" branches aside) replayed as
 * a script: every server turn (S:, E:) is decoded and fed to the client machine, and every client
 * turn (C:) must be exactly what the machine sends, SCRAM messages byte for byte. The machine gets
 * the RFC's client nonce as its randomness; the only thing rewritten is the id of the bind request,
 * which the client chooses.
 */
class Rfc6120WalkthroughTest {

    private static final String CLIENT_NONCE = "oMsTAAwAAAAMAAAANP0TAAAAAABPU0AA";
    private static final CodecRegistry REGISTRY = CodecRegistry.core();

    private ClientState state;
    private final Deque<Object> sent = new ArrayDeque<>();     // StreamHeader, Element or the footer marker
    private final List<SessionEvent> events = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();
    private String bindId = "";

    @Test
    void theClientFollowsTheWalkthroughOfSection9_1() {
        ClientConfig config = ClientConfig.of(Jid.of("juliet@im.example.com/balcony"), "r0m30myr0m30")
                .withKeepalive(Option.none()).withIdentityBeforeTls(true);
        state = ClientSession.initial(config);
        feed(new SessionInput.Connected(false));

        var document = SpecCorpus.read("rfc6120.json");
        Map<Integer, String> fixed = Map.of(146, fixedText(146), 147, fixedText(147));
        for (SpecExample example : document.examples()) {
            if (example.number() < 137 || example.number() > 158 || example.caption().contains("(alt)")) {
                continue;
            }
            String text = fixed.getOrDefault(example.number(), example.text());
            for (var part : dev.starling.conformance.corpus.SpeakerTurnsAccess.split(text)) {
                if (part.speaker().equals("C")) {
                    expectClientSent(example, part.text());
                } else {
                    serverSaid(part.text());
                }
            }
        }
        assertThat(checked).as("client turns compared").hasSize(9);
        assertThat(events).contains(new SessionEvent.Authenticated("SCRAM-SHA-1", "juliet"),
                new SessionEvent.Ready(Jid.of("juliet@im.example.com/balcony")));
        assertThat(events).anyMatch(e -> e instanceof SessionEvent.StanzaReceived received
                && received.stanza().from().contains(Jid.of("romeo@example.net/orchard")));
        assertThat(state).isInstanceOf(ClientState.Closed.class);
    }

    private static String fixedText(int number) {
        return dev.starling.conformance.corpus.ErrataAccess.fix("RFC 6120", "rfc6120.json", number);
    }

    /** A server turn: its header and elements become inputs, in order. */
    private void serverSaid(String text) {
        String body = text.strip();
        if (body.equals("</stream:stream>")) {
            feed(new SessionInput.PeerClosedStream());
            return;
        }
        for (StreamEvent event : StreamReplay.events(rewriteBindId(body), StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
            if (event instanceof StreamEvent.StreamFailed failed) {
                throw new AssertionError("the RFC's server turn did not decode: " + failed.error().describe());
            }
            boolean synthetic = event instanceof StreamEvent.StreamOpened && !body.contains("<stream:stream");
            if (!synthetic) {
                feed(DecodedInputs.toInput(event, REGISTRY, Namespaces.CLIENT));
            }
        }
    }

    /** A client turn: what the machine sent since the last one must be exactly this. */
    private void expectClientSent(SpecExample example, String text) {
        String body = text.strip();
        if (body.equals("</stream:stream>")) {
            if (sent.isEmpty()) {
                feed(new SessionInput.Close()); // the application closes (§9.1.5)
            }
            assertThat(sent.poll()).as(example.id()).isEqualTo("</stream:stream>");
            checked.add(example.id());
            return;
        }
        boolean stanzaFromApplication = body.startsWith("<message");
        for (StreamEvent event : StreamReplay.events(body, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
            if (event instanceof StreamEvent.StreamOpened opened && body.contains("<stream:stream")) {
                assertThat(sent.poll()).as(example.id()).isEqualTo(opened.header());
            } else if (event instanceof StreamEvent.TopLevelElement top) {
                if (stanzaFromApplication) {
                    feed(new SessionInput.SendStanza((Stanza) REGISTRY.decodeTopLevel(top.element(), Namespaces.CLIENT).get()));
                }
                Object actual = sent.poll();
                assertThat(actual).as(example.id() + ": the client sent nothing").isInstanceOf(Element.class);
                Element expected = top.element();
                if (expected.localName().equals("iq")) {
                    bindId = ((Element) actual).attribute("id").get();
                    expected = expected.withAttribute("id", bindId);
                }
                assertThat(XmlEquivalence.normalize((Element) actual)).as(example.id()).isEqualTo(XmlEquivalence.normalize(expected));
            }
        }
        checked.add(example.id());
    }

    private String rewriteBindId(String text) {
        return bindId.isEmpty() ? text : text.replace("id='yhc13a95'", "id='" + bindId + "'");
    }

    private void feed(SessionInput input) {
        Step<ClientState, SessionOutput> step = ClientSession.step(state, input,
                new Fresh(Instant.parse("2026-01-01T00:00:00Z"), CLIENT_NONCE + "x".repeat(64)));
        state = step.state();
        for (SessionOutput output : step.outputs()) {
            if (output instanceof SessionOutput.SendHeader header) {
                sent.add(header.header());
            } else if (output instanceof SessionOutput.Send send) {
                sent.add(REGISTRY.encode(send.element(), Namespaces.CLIENT));
            } else if (output instanceof SessionOutput.CloseStream) {
                sent.add("</stream:stream>");
            } else if (output instanceof SessionOutput.StartTls) {
                feed(new SessionInput.TlsEstablished(Array.empty(), Array.empty())); // step 6: TLS, no binding used
            } else if (output instanceof SessionOutput.Notify notify) {
                events.add(notify.event());
            }
        }
    }
}
