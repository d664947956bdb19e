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
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The file receiver's side of a Jingle file transfer (XEP-0234 §4 over XEP-0261 §2). It
 * acknowledges a session-initiate that offers a file over an in-band transport and hands the
 * offer to the application; on acceptance it sends session-accept (lowering the block size to its
 * own maximum if needed, XEP-0261 §2.2) and tells the shell which IBB sid to receive; on
 * rejection it terminates with {@code decline} (XEP-0166 Example 21). An offer of another
 * application is acknowledged and terminated with {@code unsupported-applications}, one with only
 * another transport with {@code unsupported-transports} (XEP-0166 Examples 23 and 25). The
 * initiator's session-terminate ends the session: {@code success} means the bytes are all sent.
 */
public final class JingleResponder {

    private JingleResponder() {
    }

    /** Where the session is. */
    public enum Phase { OFFERED, ACTIVE, ENDED, FAILED }

    /**
     * The session.
     *
     * @param phase     where it is
     * @param initiator the initiator's full JID
     * @param sid       the session id
     * @param content   the offered content
     * @param blockSize the agreed block size
     */
    public record State(Phase phase, Jid initiator, String sid, JingleContent content, int blockSize) {

        /** The offered file. */
        public JingleFile file() {
            return ((FileDescription) content.description().get()).file();
        }

        /** The in-band bytestream's sid. */
        public String ibbSid() {
            return ((JingleTransport.Ibb) content.transport().get()).sid();
        }
    }

    /** What the machine reacts to after the offer. */
    public sealed interface Input {
        /** The application takes the file. */
        record Accept() implements Input {
        }

        /** The application declines. */
        record Decline() implements Input {
        }

        /** A stanza from the initiator for this session. */
        record Received(Iq iq) implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {
        /** Send this stanza. */
        record Send(Iq iq) implements Output {
        }

        /** Receive the in-band bytestream with this sid and block size. */
        record ExpectIbb(String sid, int blockSize) implements Output {
        }

        /** The initiator ended the session with this reason ({@code success} once every byte was sent). */
        record Ended(JingleReason reason) implements Output {
        }
    }

    /**
     * Reads a session-initiate addressed to {@code self}: an error answer for a malformed one, or
     * the acknowledgement and either the session (a file over IBB) or a termination.
     */
    public static Either<Iq, Step<Option<State>, Output>> offer(Iq initiate, Jid self, int maxBlockSize, Fresh fresh) {
        Option<Jingle> jingle = initiate.payload().filter(Jingle.class::isInstance).map(Jingle.class::cast);
        if (initiate.type() != IqType.SET || jingle.isEmpty() || jingle.get().action() != JingleAction.SESSION_INITIATE
                || jingle.get().contents().isEmpty() || initiate.from().isEmpty()) {
            return Either.left(StanzaReplies.errorWithoutPayload(initiate, StanzaError.of(StanzaErrorType.MODIFY, StanzaErrorCondition.BAD_REQUEST)));
        }
        Jingle offer = jingle.get();
        Jid initiator = offer.initiator().getOrElse(initiate.from().get());
        Output ack = new Output.Send(StanzaReplies.result(initiate));
        JingleContent content = offer.contents().head();
        if (!content.description().exists(FileDescription.class::isInstance)) {
            return Either.right(Step.of(Option.none(), ack, terminate(initiator, offer.sid(), "unsupported-applications", fresh)));
        }
        if (!content.transport().exists(JingleTransport.Ibb.class::isInstance)) {
            return Either.right(Step.of(Option.none(), ack, terminate(initiator, offer.sid(), "unsupported-transports", fresh)));
        }
        int blockSize = Math.min(((JingleTransport.Ibb) content.transport().get()).blockSize(), maxBlockSize);
        return Either.right(Step.of(Option.some(new State(Phase.OFFERED, initiator, offer.sid(), content, blockSize)), ack));
    }

    /** Feeds one input; {@code self} is this side's full JID. */
    public static Step<State, Output> step(Jid self, State state, Input input, Fresh fresh) {
        if (state.phase() == Phase.ENDED || state.phase() == Phase.FAILED) {
            return input instanceof Input.Received received ? Step.of(state, new Output.Send(JingleErrors.unknownSession(received.iq())))
                    : Step.of(state);
        }
        if (input instanceof Input.Accept && state.phase() == Phase.OFFERED) {
            JingleTransport.Ibb offered = (JingleTransport.Ibb) state.content().transport().get();
            JingleContent accepted = state.content().withTransport(new JingleTransport.Ibb(state.blockSize(), offered.sid()));
            Jingle accept = Jingle.of(JingleAction.SESSION_ACCEPT, state.sid(), Array.of(accepted)).withResponder(self);
            return Step.of(new State(Phase.ACTIVE, state.initiator(), state.sid(), accepted, state.blockSize()),
                    new Output.Send(request(state.initiator(), "jingle-" + fresh.token(0, 12), accept)),
                    new Output.ExpectIbb(offered.sid(), state.blockSize()));
        }
        if (input instanceof Input.Decline && state.phase() == Phase.OFFERED) {
            return Step.of(new State(Phase.ENDED, state.initiator(), state.sid(), state.content(), state.blockSize()),
                    terminate(state.initiator(), state.sid(), "decline", fresh));
        }
        if (input instanceof Input.Received received) {
            return received(state, received.iq());
        }
        return Step.of(state);
    }

    private static Step<State, Output> received(State state, Iq iq) {
        if (!iq.type().isRequest()) {
            return Step.of(state); // answers to our own requests change nothing
        }
        Option<Jingle> jingle = iq.payload().filter(Jingle.class::isInstance).map(Jingle.class::cast);
        if (jingle.isEmpty() || !jingle.get().sid().equals(state.sid())) {
            return Step.of(state, new Output.Send(JingleErrors.unknownSession(iq)));
        }
        if (jingle.get().action() == JingleAction.SESSION_TERMINATE) {
            JingleReason reason = jingle.get().reason().getOrElse(JingleReason.of("general-error"));
            Phase phase = reason.condition().equals("success") ? Phase.ENDED : Phase.FAILED;
            return Step.of(new State(phase, state.initiator(), state.sid(), state.content(), state.blockSize()),
                    new Output.Send(StanzaReplies.result(iq)), new Output.Ended(reason));
        }
        if (jingle.get().action() == JingleAction.SESSION_INFO || jingle.get().action() == JingleAction.TRANSPORT_INFO) {
            return Step.of(state, new Output.Send(StanzaReplies.result(iq)));
        }
        return Step.of(state, new Output.Send(JingleErrors.outOfOrder(iq)));
    }

    private static Output terminate(Jid initiator, String sid, String condition, Fresh fresh) {
        return new Output.Send(request(initiator, "jingle-" + fresh.token(1, 12), Jingle.terminate(sid, JingleReason.of(condition))));
    }

    private static Iq request(Jid to, String id, Jingle jingle) {
        return new Iq(IqType.SET, id, Option.none(), Option.some(to), Option.none(), Array.of(jingle));
    }
}
