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
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The file receiver's side of a Jingle file transfer (XEP-0234 §4), over an in-band transport
 * (XEP-0261 §2) or a SOCKS5 one (XEP-0260 §2). It acknowledges a session-initiate that offers a
 * file and hands the offer to the application; on rejection it terminates with {@code decline}
 * (XEP-0166 Example 21). An offer of another application is acknowledged and terminated with
 * {@code unsupported-applications}, one with another transport with {@code unsupported-transports}
 * (XEP-0166 Examples 23 and 25).
 *
 * <ul>
 *   <li>IBB: session-accept lowers the block size to its own maximum if needed (XEP-0261 §2.2);
 *       the shell receives the IBB sid.</li>
 *   <li>SOCKS5: session-accept offers the candidates of its own the application gives it (§2.2;
 *       not proxies, none that repeats a host and port of the initiator's; none is an empty transport),
 *       with their {@code dstaddr} SHA1(SID + Responder + Initiator) whenever it offers any; the
 *       shell tries the initiator's candidates, highest priority first (§2.3), and the machine
 *       reports candidate-used or candidate-error. Once the initiator's report on its own
 *       candidates is in too, {@link CandidateExchange} nominates the candidate whose connection
 *       carries the file (§2.4; bytes flow once the initiator activated a proxy). When both
 *       reported candidate-error it waits for the initiator's transport-replace.</li>
 *   <li>A transport-replace to IBB (§3) is acknowledged and accepted with transport-accept (at
 *       most its own block size); any other replacement is rejected.</li>
 * </ul>
 *
 * The initiator's session-terminate ends the session: {@code success} means the bytes are all sent.
 * This side may end it too ({@link Input.Abort}): a session-terminate with its reason, once.
 * A session-info with the initiator's checksum (XEP-0234 §8.1, after an offer with
 * {@code <hash-used/>}) is acknowledged and its hashes handed to the shell, which verifies the
 * file against them.
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
     * @param candidates both parties' SOCKS5 candidates and reports
     */
    public record State(Phase phase, Jid initiator, String sid, JingleContent content, int blockSize, CandidateExchange candidates) {

        State to(Phase next) {
            return new State(next, initiator, sid, content, blockSize, candidates);
        }

        State withCandidates(CandidateExchange exchange) {
            return new State(phase, initiator, sid, content, blockSize, exchange);
        }

        /** The offered file. */
        public JingleFile file() {
            return ((FileDescription) content.description().get()).file();
        }

        /** The bytestream's sid (the in-band one, or the SOCKS5 one whose IBB fallback Starling gives the same sid). */
        public String ibbSid() {
            JingleTransport transport = content.transport().get();
            return transport instanceof JingleTransport.Ibb ibb ? ibb.sid() : ((JingleTransport.Socks5) transport).sid();
        }
    }

    /** What the machine reacts to after the offer. */
    public sealed interface Input {
        /**
         * The application takes the file, offering these SOCKS5 candidates of its own for a SOCKS5
         * session (XEP-0260 §2.2): direct ones (or assisted, tunnel), which the initiator connects
         * to; proxies are left out, as this side does not activate one.
         */
        record Accept(Seq<JingleTransport.Candidate> own) implements Input {
            /** Takes the file without candidates of its own. */
            public Accept() {
                this(Array.empty());
            }
        }

        /** The application declines. */
        record Decline() implements Input {
        }

        /**
         * This side gives up on a session it accepted or was offered: the application cancels
         * ({@code cancel}), or the file cannot be taken ({@code media-error} with XEP-0234's
         * {@code <file-too-large/>}, {@code failed-application} for a digest that does not match or
         * a file that cannot be written). Ends the session with that reason (XEP-0166 §6.7).
         */
        record Abort(JingleReason reason) implements Input {
        }

        /** A stanza from the initiator for this session. */
        record Received(Iq iq) implements Input {
        }

        /** The shell's attempts at the initiator's candidates: the one connected, or none. */
        record CandidateOutcome(Option<String> cid) implements Input {
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

        /** Try these SOCKS5 candidates in this order, with this DST.ADDR, and report the outcome. */
        record TryCandidates(Seq<JingleTransport.Candidate> candidates, String dstAddr) implements Output {
        }

        /**
         * Read the file from the connection of this nominated candidate: for one offered here, the
         * connection the initiator made to it; for the initiator's, the one this side made.
         */
        record ReadSocks5(JingleTransport.Candidate candidate, boolean offeredHere) implements Output {
        }

        /** The initiator ended the session with this reason ({@code success} once every byte was sent). */
        record Ended(JingleReason reason) implements Output {
        }

        /** The initiator's checksum of the file (XEP-0234 §8.1): the XEP-0300 hashes to verify the bytes against. */
        record ChecksumReceived(Seq<dev.starling.model.jingle.Hash> hashes) implements Output {
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
        if (!content.transport().exists(t -> t instanceof JingleTransport.Ibb || t instanceof JingleTransport.Socks5 s5b
                && !s5b.mode().contains("udp"))) {
            return Either.right(Step.of(Option.none(), ack, terminate(initiator, offer.sid(), "unsupported-transports", fresh)));
        }
        int blockSize = content.transport().get() instanceof JingleTransport.Ibb ibb ? Math.min(ibb.blockSize(), maxBlockSize) : maxBlockSize;
        CandidateExchange candidates = content.transport().get() instanceof JingleTransport.Socks5 s5b
                ? new CandidateExchange(s5b.candidates(), Array.empty(), Option.none(), Option.none()) : CandidateExchange.NONE;
        return Either.right(Step.of(Option.some(new State(Phase.OFFERED, initiator, offer.sid(), content, blockSize, candidates)), ack));
    }

    /** Feeds one input; {@code self} is this side's full JID. */
    public static Step<State, Output> step(Jid self, State state, Input input, Fresh fresh) {
        if (state.phase() == Phase.ENDED || state.phase() == Phase.FAILED) {
            return input instanceof Input.Received received ? Step.of(state, new Output.Send(JingleErrors.unknownSession(received.iq())))
                    : Step.of(state);
        }
        if (input instanceof Input.Accept accept && state.phase() == Phase.OFFERED
                && state.content().transport().get() instanceof JingleTransport.Socks5 s5b) {
            Seq<JingleTransport.Candidate> own = accept.own().filter(c -> !c.type().equals("proxy")
                    && !s5b.candidates().exists(theirs -> theirs.host().equals(c.host()) && theirs.port().equals(c.port())));
            // the DST.ADDR for this side's candidates (§2.2: SHA1(SID + Responder JID + Initiator JID)), given whenever there are any:
            // the attribute is only a SHOULD for proxy candidates, but Smack 4.4.8 connects to every candidate with it
            Option<String> ownDstAddr = own.isEmpty() ? Option.none() : Option.some(Candidates.dstAddr(s5b.sid(), self, state.initiator()));
            JingleTransport.Socks5 offered = new JingleTransport.Socks5(s5b.sid(), ownDstAddr, s5b.mode(), own, Option.none(), false,
                    Option.none(), false); // the offer's mode kept, as XEP-0234 Example 3 answers Example 1's tcp
            Jingle sessionAccept = Jingle.of(JingleAction.SESSION_ACCEPT, state.sid(), Array.of(state.content().withTransport(offered)))
                    .withResponder(self);
            String dstAddr = s5b.dstaddr().getOrElse(() -> Candidates.dstAddr(s5b.sid(), state.initiator(), self));
            return Step.of(state.to(Phase.ACTIVE).withCandidates(state.candidates().withResponderOffered(own)),
                    new Output.Send(request(state.initiator(), "jingle-" + fresh.token(0, 12), sessionAccept)),
                    new Output.TryCandidates(Candidates.inTryingOrder(s5b.candidates()), dstAddr));
        }
        if (input instanceof Input.CandidateOutcome outcome && state.phase() == Phase.ACTIVE
                && state.content().transport().get() instanceof JingleTransport.Socks5 s5b && state.candidates().responderReport().isEmpty()) {
            JingleTransport report = outcome.cid().map(cid -> (JingleTransport) Transports.candidateUsed(s5b.sid(), cid))
                    .getOrElse(() -> Transports.candidateError(s5b.sid()));
            Jingle info = Jingle.of(JingleAction.TRANSPORT_INFO, state.sid(), Array.of(state.content().withoutDescription().withTransport(report)));
            Output send = new Output.Send(request(state.initiator(), "jingle-" + fresh.token(2, 12), info));
            CandidateExchange.Report sent = outcome.cid().fold(CandidateExchange.Report::error, CandidateExchange.Report::used);
            return nominate(state.withCandidates(state.candidates().withResponderReport(sent))).precededBy(send);
        }
        if (input instanceof Input.Accept && state.phase() == Phase.OFFERED) {
            JingleTransport.Ibb offered = (JingleTransport.Ibb) state.content().transport().get();
            JingleContent accepted = state.content().withTransport(new JingleTransport.Ibb(state.blockSize(), offered.sid()));
            Jingle accept = Jingle.of(JingleAction.SESSION_ACCEPT, state.sid(), Array.of(accepted)).withResponder(self);
            return Step.of(new State(Phase.ACTIVE, state.initiator(), state.sid(), accepted, state.blockSize(), state.candidates()),
                    new Output.Send(request(state.initiator(), "jingle-" + fresh.token(0, 12), accept)),
                    new Output.ExpectIbb(offered.sid(), state.blockSize()));
        }
        if (input instanceof Input.Decline && state.phase() == Phase.OFFERED) {
            return Step.of(state.to(Phase.ENDED),
                    terminate(state.initiator(), state.sid(), "decline", fresh));
        }
        if (input instanceof Input.Abort abort && (state.phase() == Phase.OFFERED || state.phase() == Phase.ACTIVE)) {
            return Step.of(state.to(Phase.FAILED), new Output.Send(request(state.initiator(), "jingle-" + fresh.token(1, 12),
                    Jingle.terminate(state.sid(), abort.reason()))));
        }
        if (input instanceof Input.Received received) {
            return received(self, state, received.iq(), fresh);
        }
        return Step.of(state);
    }

    private static Step<State, Output> received(Jid self, State state, Iq iq, Fresh fresh) {
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
            return Step.of(state.to(phase),
                    new Output.Send(StanzaReplies.result(iq)), new Output.Ended(reason));
        }
        if (jingle.get().action() == JingleAction.SESSION_INFO && jingle.get().checksum().isDefined()) {
            return Step.of(state, new Output.Send(StanzaReplies.result(iq)), new Output.ChecksumReceived(jingle.get().checksum().get().file().hashes()));
        }
        Option<JingleTransport.Socks5> news = jingle.get().action() != JingleAction.TRANSPORT_INFO ? Option.none()
                : jingle.get().contents().flatMap(JingleContent::transport).filter(JingleTransport.Socks5.class::isInstance)
                .map(JingleTransport.Socks5.class::cast).headOption();
        if (news.exists(n -> n.candidateUsed().isDefined() || n.candidateError()) && state.phase() == Phase.ACTIVE
                && state.candidates().initiatorReport().isEmpty()) {
            CandidateExchange.Report report = news.get().candidateUsed().fold(CandidateExchange.Report::error, CandidateExchange.Report::used);
            return nominate(state.withCandidates(state.candidates().withInitiatorReport(report))).precededBy(new Output.Send(StanzaReplies.result(iq)));
        }
        if (jingle.get().action() == JingleAction.SESSION_INFO || jingle.get().action() == JingleAction.TRANSPORT_INFO) {
            return Step.of(state, new Output.Send(StanzaReplies.result(iq))); // activated, proxy-error, other news
        }
        if (jingle.get().action() == JingleAction.TRANSPORT_REPLACE && state.phase() == Phase.ACTIVE) {
            return replace(self, state, iq, jingle.get(), fresh);
        }
        return Step.of(state, new Output.Send(JingleErrors.outOfOrder(iq)));
    }

    /** XEP-0260 §3: a replacement by IBB is accepted (at most this side's block size), any other rejected. */
    private static Step<State, Output> replace(Jid self, State state, Iq iq, Jingle replace, Fresh fresh) {
        Output ack = new Output.Send(StanzaReplies.result(iq));
        Option<JingleTransport.Ibb> ibb = replace.contents().flatMap(JingleContent::transport).filter(JingleTransport.Ibb.class::isInstance)
                .map(JingleTransport.Ibb.class::cast).headOption();
        JingleContent bare = state.content().withoutDescription();
        if (ibb.isEmpty()) {
            Jingle reject = Jingle.of(JingleAction.TRANSPORT_REJECT, state.sid(), Array.of(bare));
            return Step.of(state, ack, new Output.Send(request(state.initiator(), "jingle-" + fresh.token(3, 12), reject)));
        }
        int blockSize = Math.min(ibb.get().blockSize(), state.blockSize());
        JingleTransport.Ibb accepted = new JingleTransport.Ibb(blockSize, ibb.get().sid());
        Jingle accept = Jingle.of(JingleAction.TRANSPORT_ACCEPT, state.sid(), Array.of(bare.withTransport(accepted)));
        return Step.of(new State(Phase.ACTIVE, state.initiator(), state.sid(), state.content().withTransport(accepted), blockSize, state.candidates()), ack,
                new Output.Send(request(state.initiator(), "jingle-" + fresh.token(3, 12), accept)), new Output.ExpectIbb(accepted.sid(), blockSize));
    }

    /**
     * XEP-0260 §2.4 once both reports are in: read from the nominated candidate's connection; when
     * both reported candidate-error, wait for the initiator's transport-replace (§3).
     */
    private static Step<State, Output> nominate(State state) {
        Option<CandidateExchange.Outcome> outcome = state.candidates().outcome();
        if (outcome.isEmpty() || !(outcome.get() instanceof CandidateExchange.Outcome.Nominated nominated)) {
            return Step.of(state);
        }
        return Step.of(state, new Output.ReadSocks5(nominated.candidate(), !nominated.byInitiator()));
    }

    private static Output terminate(Jid initiator, String sid, String condition, Fresh fresh) {
        return new Output.Send(request(initiator, "jingle-" + fresh.token(1, 12), Jingle.terminate(sid, JingleReason.of(condition))));
    }

    private static Iq request(Jid to, String id, Jingle jingle) {
        return new Iq(IqType.SET, id, Option.none(), Option.some(to), Option.none(), Array.of(jingle));
    }
}
