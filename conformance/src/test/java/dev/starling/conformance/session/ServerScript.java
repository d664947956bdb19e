package dev.starling.conformance.session;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.io.session.DecodedInputs;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.Namespaces;
import dev.starling.model.stream.StreamHeader;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper: drives a server machine alone with XML copied from a spec, decoded by the real
 * codecs, and renders what it sends as XML.
 */
final class ServerScript {

    private final CodecRegistry registry = CodecRegistry.core();
    private ServerState state;
    private int count;

    private ServerScript(ServerState state) {
        this.state = state;
    }

    /** A server that accepted a direct-TLS connection and sent its features: it expects the client's choice. */
    static ServerScript overTls(ServerConfig config) {
        ServerScript script = new ServerScript(ServerSession.initial(config));
        script.feed(new SessionInput.Connected(true));
        script.feed(new SessionInput.TlsEstablished(SessionPair.BINDINGS, Array.empty()));
        script.feed(new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.CLIENT).withTo(Option.some(config.domain()))));
        assertThat(script.state).isInstanceOf(ServerState.ExpectFeatureChoice.class);
        return script;
    }

    ServerState state() {
        return state;
    }

    /** Feeds one input with fresh time and randomness. */
    Step<ServerState, SessionOutput> feed(SessionInput input) {
        Step<ServerState, SessionOutput> step = ServerSession.step(state, input,
                new Fresh(Instant.EPOCH.plusSeconds(++count), ("r" + count).repeat(48).substring(0, 96)));
        state = step.state();
        return step;
    }

    /** Feeds one top-level element written as XML in the default namespace {@code jabber:client}. */
    Step<ServerState, SessionOutput> receive(String xml) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed(("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml)
                .getBytes(StandardCharsets.UTF_8));
        decoder.next(); // the stream header
        return feed(DecodedInputs.toInput(decoder.next().get(), registry, Namespaces.CLIENT));
    }

    /** What the step sends, as XML. */
    String sent(Step<ServerState, SessionOutput> step) {
        XmlEncoder encoder = new XmlEncoder();
        return step.outputs().filter(SessionOutput.Send.class::isInstance)
                .map(o -> new String(encoder.encode(registry.encode(((SessionOutput.Send) o).element(), Namespaces.CLIENT), Namespaces.CLIENT),
                        StandardCharsets.UTF_8))
                .mkString();
    }
}
