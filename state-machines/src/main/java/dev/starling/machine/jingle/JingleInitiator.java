package dev.starling.machine.jingle;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleAction;
import dev.starling.model.jingle.JingleContent;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleReason;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The file sender's side of a Jingle file transfer (XEP-0234 §4 over XEP-0261 §2): it sends
 * session-initiate with the file and an in-band transport, acknowledges the responder's
 * session-accept (taking the block size the responder may have lowered, XEP-0261 §2.2) and asks
 * the shell to stream over IBB on the transport's sid; once the shell reports the bytes delivered
 * it terminates with {@code success} (XEP-0261 §2.5). A session-terminate from the responder
 * (such as {@code decline}) or an error answer to the initiate ends the session as failed.
 */
public final class JingleInitiator {

    private JingleInitiator() {
    }

    /**
     * The session.
     *
     * @param initiator this side's full JID
     * @param responder the peer's full JID
     * @param sid       the Jingle session id
     * @param file      the offered file
     * @param transport the offered in-band transport
     */
    public record Config(Jid initiator, Jid responder, String sid, JingleFile file, JingleTransport.Ibb transport) {
        public Config {
            Objects.requireNonNull(initiator, "initiator");
            Objects.requireNonNull(responder, "responder");
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(transport, "transport");
        }

        JingleContent content() {
            return new JingleContent("initiator", "a-file-offer", Option.some("initiator"), Option.some(new FileDescription(file)),
                    Option.some(transport), Option.none());
        }
    }

    /** Where the session is. */
    public enum Phase { PENDING, ACTIVE, ENDING, ENDED, FAILED }

    /** The session so far; {@code blockSize} is the one agreed. */
    public record State(Phase phase, int blockSize) {
    }

    /** What the machine reacts to. */
    public sealed interface Input {
        /** Begin. */
        record Start() implements Input {
        }

        /** A stanza from the responder (a Jingle request, or the answer to one of ours). */
        record Received(Iq iq) implements Input {
        }

        /** The shell delivered every byte over the transport. */
        record Delivered() implements Input {
        }

        /** The transport broke. */
        record TransportFailed(String reason) implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {
        /** Send this stanza. */
        record Send(Iq iq) implements Output {
        }

        /** Stream the file over an in-band bytestream with this sid and block size. */
        record StartIbb(String sid, int blockSize) implements Output {
        }

        /** The session ended with the file delivered. */
        record Done() implements Output {
        }

        /** The session ended without the file delivered. */
        record Failed(String reason) implements Output {
        }
    }

    /** Before the start. */
    public static State initial(Config config) {
        return new State(Phase.PENDING, config.transport().blockSize());
    }

    /** Feeds one input. */
    public static Step<State, Output> step(Config config, State state, Input input, Fresh fresh) {
        if (state.phase() == Phase.ENDED || state.phase() == Phase.FAILED) {
            return Step.of(state);
        }
        if (input instanceof Input.Start) {
            Jingle initiate = Jingle.of(JingleAction.SESSION_INITIATE, config.sid(), Array.of(config.content())).withInitiator(config.initiator());
            return Step.of(state, new Output.Send(request(config, "jingle-" + fresh.token(0, 12), initiate)));
        }
        if (input instanceof Input.Delivered && state.phase() == Phase.ACTIVE) {
            Jingle terminate = Jingle.terminate(config.sid(), JingleReason.of("success"));
            return Step.of(new State(Phase.ENDING, state.blockSize()), new Output.Send(request(config, "jingle-" + fresh.token(1, 12), terminate)));
        }
        if (input instanceof Input.TransportFailed failed) {
            Jingle terminate = Jingle.terminate(config.sid(), JingleReason.of("failed-transport", failed.reason()));
            return Step.of(new State(Phase.FAILED, state.blockSize()), new Output.Send(request(config, "jingle-" + fresh.token(2, 12), terminate)),
                    new Output.Failed("the transport failed: " + failed.reason()));
        }
        if (input instanceof Input.Received received) {
            return received(config, state, received.iq());
        }
        return Step.of(state);
    }

    private static Step<State, Output> received(Config config, State state, Iq iq) {
        if (iq.type() == IqType.ERROR) {
            return Step.of(new State(Phase.FAILED, state.blockSize()), new Output.Failed("the responder refused: "
                    + iq.error().map(e -> e.condition().wireName()).getOrElse("error")));
        }
        if (iq.type() == IqType.RESULT) {
            return state.phase() == Phase.ENDING ? Step.of(new State(Phase.ENDED, state.blockSize()), new Output.Done()) : Step.of(state);
        }
        Option<Jingle> jingle = iq.payload().filter(Jingle.class::isInstance).map(Jingle.class::cast);
        if (jingle.isEmpty() || !jingle.get().sid().equals(config.sid())) {
            return Step.of(state, new Output.Send(JingleErrors.unknownSession(iq)));
        }
        Jingle request = jingle.get();
        if (request.action() == JingleAction.SESSION_ACCEPT && state.phase() == Phase.PENDING) {
            int blockSize = request.contents().flatMap(c -> c.transport()).filter(JingleTransport.Ibb.class::isInstance)
                    .map(t -> ((JingleTransport.Ibb) t).blockSize()).headOption().getOrElse(state.blockSize());
            if (blockSize > config.transport().blockSize()) {
                return Step.of(state, new Output.Send(StanzaReplies.errorWithoutPayload(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)
                        .withText("the accepted block size is larger than offered (XEP-0261 §2.2)"))));
            }
            return Step.of(new State(Phase.ACTIVE, blockSize), new Output.Send(StanzaReplies.result(iq)),
                    new Output.StartIbb(config.transport().sid(), blockSize));
        }
        if (request.action() == JingleAction.SESSION_TERMINATE) {
            String why = request.reason().map(JingleReason::condition).getOrElse("no reason");
            return Step.of(new State(Phase.FAILED, state.blockSize()), new Output.Send(StanzaReplies.result(iq)),
                    new Output.Failed("the responder ended the session: " + why));
        }
        if (request.action() == JingleAction.SESSION_INFO) {
            return Step.of(state, new Output.Send(StanzaReplies.result(iq))); // informational (XEP-0234 §6.2 received, checksum)
        }
        return Step.of(state, new Output.Send(JingleErrors.outOfOrder(iq)));
    }

    private static Iq request(Config config, String id, Jingle jingle) {
        return new Iq(IqType.SET, id, Option.none(), Option.some(config.responder()), Option.none(), Array.of(jingle));
    }
}
