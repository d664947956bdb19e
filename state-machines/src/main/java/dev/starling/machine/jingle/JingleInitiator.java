package dev.starling.machine.jingle;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.Checksum;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Hash;
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
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The file sender's side of a Jingle file transfer (XEP-0234 §4), over an in-band transport
 * (XEP-0261 §2) or a SOCKS5 one (XEP-0260 §2) with IBB as the fallback (§3).
 *
 * <ul>
 *   <li>It sends session-initiate with the file and the transport, and acknowledges the
 *       responder's session-accept. For IBB it streams at the block size the responder accepted
 *       (which may be lower, XEP-0261 §2.2).</li>
 *   <li>For SOCKS5 both parties offer candidates (XEP-0260 §2.2): it tries the responder's
 *       candidates from the session-accept, highest priority first, and reports candidate-used or
 *       candidate-error (§2.3); the responder reports on its candidates the same way. Once both
 *       reports are in, {@link CandidateExchange} nominates one (§2.4). Its own proxy is
 *       connected to and activated (XEP-0065 §6.3.5), then announced with activated; for the
 *       responder's proxy it waits for the responder's activated. A direct candidate is used as
 *       it is, over whichever connection reached it.</li>
 *   <li>When both parties report candidate-error, a proxy reports proxy-error, or its own proxy
 *       cannot be activated, it replaces the transport with the IBB fallback (transport-replace, §3) and
 *       streams once the responder sends transport-accept. Without a fallback it terminates with
 *       connectivity-error.</li>
 *   <li>Once the shell reports the bytes delivered it terminates with success (XEP-0261 §2.5). A
 *       session-terminate from the responder with success also ends it as done, once the bytes
 *       flow (XEP-0234 §6.6: the receiver has them all). Any other session-terminate (such as
 *       decline or cancel, §6.5), a content-remove of the file (§6.5, §9.2; answered with a
 *       session-terminate, as a session without content is void, XEP-0166 §6.7), a
 *       transport-reject, or an error answer to the initiate ends the session as failed.</li>
 *   <li>A file offered with {@code <hash-used/>} and no hash (XEP-0234 §5, §8.1: the sender hashes
 *       while the bytes flow instead of reading the file twice first) gets its checksum in a
 *       session-info as soon as the shell reports the hash, and the session is terminated only
 *       after that checksum was sent, whichever of the two the shell reports first.</li>
 * </ul>
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
     * @param transport the offered transport (IBB or SOCKS5)
     * @param fallback  the IBB transport to replace a failed SOCKS5 one with
     */
    public record Config(Jid initiator, Jid responder, String sid, JingleFile file, JingleTransport transport,
                         Option<JingleTransport.Ibb> fallback) {
        public Config {
            Objects.requireNonNull(initiator, "initiator");
            Objects.requireNonNull(responder, "responder");
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(fallback, "fallback");
        }

        /** An in-band session without fallback. */
        public Config(Jid initiator, Jid responder, String sid, JingleFile file, JingleTransport.Ibb transport) {
            this(initiator, responder, sid, file, transport, Option.none());
        }

        JingleContent content() {
            return new JingleContent("initiator", "a-file-offer", Option.some("initiator"), Option.some(new FileDescription(file)),
                    Option.some(transport), Option.none());
        }

        /** The DST.ADDR of this side's SOCKS5 candidates (XEP-0260 §2.2). */
        public String dstAddr() {
            return Candidates.dstAddr(((JingleTransport.Socks5) transport).sid(), initiator, responder);
        }
    }

    /** Where the session is. */
    public enum Phase { PENDING, NEGOTIATING, ACTIVATING, AWAITING_ACTIVATION, REPLACING, ACTIVE, ENDING, ENDED, FAILED }

    /**
     * The session so far.
     *
     * @param phase      where it is
     * @param blockSize  the IBB block size agreed
     * @param nominated  the SOCKS5 candidate in use
     * @param checksum   for a file offered with {@code <hash-used/>}: where its checksum is
     * @param held       the hashes hashed before the session-accept, to send once it came
     * @param delivered  whether the shell delivered every byte while the checksum was still to be sent
     * @param candidates both parties' SOCKS5 candidates and reports
     */
    public record State(Phase phase, int blockSize, Option<JingleTransport.Candidate> nominated, ChecksumPhase checksum, Option<Seq<Hash>> held,
                        boolean delivered, CandidateExchange candidates) {
        State to(Phase next) {
            return new State(next, blockSize, nominated, checksum, held, delivered, candidates);
        }

        State nominating(Option<JingleTransport.Candidate> candidate) {
            return new State(phase, blockSize, candidate, checksum, held, delivered, candidates);
        }

        State withCandidates(CandidateExchange exchange) {
            return new State(phase, blockSize, nominated, checksum, held, delivered, exchange);
        }

        State withChecksum(ChecksumPhase phaseOfChecksum, Option<Seq<Hash>> hashes, boolean allDelivered) {
            return new State(phase, blockSize, nominated, phaseOfChecksum, hashes, allDelivered, candidates);
        }

        State withBlockSize(int size) {
            return new State(phase, size, nominated, checksum, held, delivered, candidates);
        }
    }

    /**
     * The checksum of a file offered with {@code <hash-used/>}: not hashed yet, hashed before the
     * responder accepted (held, since a session-info may not precede the session-accept), or sent.
     * {@code NONE} when the offer carried its hash.
     */
    public enum ChecksumPhase { NONE, AWAITED, SENT }

    /** What the machine reacts to. */
    public sealed interface Input {
        /** Begin. */
        record Start() implements Input {
        }

        /** A stanza from the responder (a Jingle request, or the answer to one of ours). */
        record Received(Iq iq) implements Input {
        }

        /** The nominated proxy is connected and activated. */
        record Activated() implements Input {
        }

        /** The nominated proxy could not be connected to or activated. */
        record ProxyFailed(String reason) implements Input {
        }

        /** The shell delivered every byte over the transport. */
        record Delivered() implements Input {
        }

        /** The transport broke. */
        record TransportFailed(String reason) implements Input {
        }

        /** The shell hashed the file offered with {@code <hash-used/>}: the XEP-0300 hashes to send (XEP-0234 §8.1). */
        record Hashed(Seq<Hash> hashes) implements Input {
        }

        /** The shell's attempts at the responder's candidates: the cid of the one connected, or none. */
        record CandidateOutcome(Option<String> cid) implements Input {
        }

        /**
         * This side gives up: the application cancels ({@code cancel}) or the file cannot be sent
         * ({@code failed-application}); the session ends with that reason (XEP-0166 §6.7).
         */
        record Abort(JingleReason reason) implements Input {
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

        /** Connect to this proxy candidate with this DST.ADDR and ask it to activate (XEP-0065 §6.3.4, §6.3.5). */
        record ConnectAndActivate(JingleTransport.Candidate candidate, String dstAddr, String streamSid) implements Output {
        }

        /** Try these responder candidates in this order, with this DST.ADDR, and report the outcome (XEP-0260 §2.3). */
        record TryCandidates(Seq<JingleTransport.Candidate> candidates, String dstAddr) implements Output {
        }

        /**
         * Stream the file over the SOCKS5 connection of this candidate: for one offered here, the
         * connection the responder made to it (or the activated proxy's); for the responder's, the
         * one this side made while trying it.
         */
        record StartSocks5(JingleTransport.Candidate candidate, boolean offeredHere) implements Output {
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
        int blockSize = config.transport() instanceof JingleTransport.Ibb ibb ? ibb.blockSize()
                : config.fallback().map(JingleTransport.Ibb::blockSize).getOrElse(4096);
        ChecksumPhase checksum = config.file().hashUsed().isDefined() && config.file().hashes().isEmpty() ? ChecksumPhase.AWAITED : ChecksumPhase.NONE;
        CandidateExchange candidates = config.transport() instanceof JingleTransport.Socks5 s5b
                ? new CandidateExchange(s5b.candidates(), Array.empty(), Option.none(), Option.none()) : CandidateExchange.NONE;
        return new State(Phase.PENDING, blockSize, Option.none(), checksum, Option.none(), false, candidates);
    }

    /** Feeds one input. */
    public static Step<State, Output> step(Config config, State state, Input input, Fresh fresh) {
        if (state.phase() == Phase.ENDED || state.phase() == Phase.FAILED) {
            return Step.of(state);
        }
        if (input instanceof Input.Start) {
            Jingle initiate = Jingle.of(JingleAction.SESSION_INITIATE, config.sid(), Array.of(config.content())).withInitiator(config.initiator());
            return Step.of(state, new Output.Send(request(config, fresh, 0, initiate)));
        }
        if (input instanceof Input.Delivered && state.phase() == Phase.ACTIVE) {
            if (state.checksum() == ChecksumPhase.AWAITED) {
                return Step.of(state.withChecksum(state.checksum(), state.held(), true));
            }
            return terminateWithSuccess(config, state, fresh);
        }
        if (input instanceof Input.Hashed hashed && state.checksum() == ChecksumPhase.AWAITED) {
            State holding = state.withChecksum(state.checksum(), Option.some(hashed.hashes()), state.delivered());
            return state.phase() == Phase.PENDING ? Step.of(holding) : sendChecksum(config, holding, fresh);
        }
        if (input instanceof Input.Abort abort && state.phase() != Phase.ENDING) { // after success, nothing is left to give up
            return Step.of(state.to(Phase.FAILED), new Output.Send(request(config, fresh, 5, Jingle.terminate(config.sid(), abort.reason()))),
                    new Output.Failed("ended with " + abort.reason().condition()));
        }
        if (input instanceof Input.TransportFailed failed) {
            Jingle terminate = Jingle.terminate(config.sid(), JingleReason.of("failed-transport", failed.reason()));
            return Step.of(state.to(Phase.FAILED), new Output.Send(request(config, fresh, 2, terminate)),
                    new Output.Failed("the transport failed: " + failed.reason()));
        }
        if (input instanceof Input.Activated && state.phase() == Phase.ACTIVATING) {
            JingleTransport.Candidate candidate = state.nominated().get();
            Output announce = new Output.Send(request(config, fresh, 3, transportInfo(config, Transports.activated(socks5(config).sid(), candidate.cid()))));
            return Step.of(state.to(Phase.ACTIVE), announce, new Output.StartSocks5(candidate, true));
        }
        if (input instanceof Input.ProxyFailed && state.phase() == Phase.ACTIVATING) {
            Output proxyError = new Output.Send(request(config, fresh, 4, transportInfo(config, Transports.proxyError(socks5(config).sid()))));
            return fallBack(config, state, fresh).precededBy(proxyError);
        }
        if (input instanceof Input.CandidateOutcome outcome && state.phase() == Phase.NEGOTIATING && state.candidates().initiatorReport().isEmpty()) {
            return report(config, state, outcome.cid().fold(CandidateExchange.Report::error, CandidateExchange.Report::used), fresh);
        }
        if (input instanceof Input.Received received) {
            return received(config, state, received.iq(), fresh);
        }
        return Step.of(state);
    }

    /** Sends this side's report on the responder's candidates (XEP-0260 §2.3), then nominates if the responder's is in. */
    private static Step<State, Output> report(Config config, State state, CandidateExchange.Report report, Fresh fresh) {
        String sid = socks5(config).sid();
        JingleTransport news = report.used().fold(() -> Transports.candidateError(sid), cid -> Transports.candidateUsed(sid, cid));
        Output send = new Output.Send(request(config, fresh, 5, transportInfo(config, news)));
        return nominate(config, state.withCandidates(state.candidates().withInitiatorReport(report)), fresh).precededBy(send);
    }

    /** XEP-0260 §2.4 once both reports are in: activate this side's proxy, wait for the responder's, or stream; or fall back. */
    private static Step<State, Output> nominate(Config config, State state, Fresh fresh) {
        Option<CandidateExchange.Outcome> outcome = state.candidates().outcome();
        if (outcome.isEmpty()) {
            return Step.of(state);
        }
        if (!(outcome.get() instanceof CandidateExchange.Outcome.Nominated nominated)) {
            return fallBack(config, state, fresh);
        }
        JingleTransport.Candidate candidate = nominated.candidate();
        State chosen = state.nominating(Option.some(candidate));
        boolean proxy = candidate.type().equals("proxy");
        if (nominated.byInitiator() && proxy) {
            return Step.of(chosen.to(Phase.ACTIVATING), new Output.ConnectAndActivate(candidate, config.dstAddr(), socks5(config).sid()));
        }
        if (proxy) {
            return Step.of(chosen.to(Phase.AWAITING_ACTIVATION)); // the responder activates its own proxy (§2.4)
        }
        return Step.of(chosen.to(Phase.ACTIVE), new Output.StartSocks5(candidate, nominated.byInitiator()));
    }

    private static Step<State, Output> received(Config config, State state, Iq iq, Fresh fresh) {
        if (iq.type() == IqType.ERROR) {
            return Step.of(state.to(Phase.FAILED), new Output.Failed("the responder refused: "
                    + iq.error().map(e -> e.condition().wireName()).getOrElse("error")));
        }
        if (iq.type() == IqType.RESULT) {
            return state.phase() == Phase.ENDING ? Step.of(state.to(Phase.ENDED), new Output.Done()) : Step.of(state);
        }
        Option<Jingle> jingle = iq.payload().filter(Jingle.class::isInstance).map(Jingle.class::cast);
        if (jingle.isEmpty() || !jingle.get().sid().equals(config.sid())) {
            return Step.of(state, new Output.Send(JingleErrors.unknownSession(iq)));
        }
        Jingle request = jingle.get();
        Output ack = new Output.Send(StanzaReplies.result(iq));
        if (request.action() == JingleAction.SESSION_ACCEPT && state.phase() == Phase.PENDING) {
            Step<State, Output> accepted;
            if (config.transport() instanceof JingleTransport.Socks5) {
                accepted = tryResponderCandidates(config, state.to(Phase.NEGOTIATING), request, fresh).precededBy(ack);
            } else {
                int offered = ((JingleTransport.Ibb) config.transport()).blockSize();
                accepted = startIbb(state, request, offered, ((JingleTransport.Ibb) config.transport()).sid(), iq).precededBy(ack);
            }
            if (accepted.state().held().isEmpty() || accepted.state().phase() == Phase.PENDING) {
                return accepted;
            }
            Step<State, Output> checksum = sendChecksum(config, accepted.state(), fresh); // hashed before the accept: sent now
            return new Step<>(checksum.state(), accepted.outputs().appendAll(checksum.outputs()));
        }
        Option<JingleTransport.Socks5> news = request.action() != JingleAction.TRANSPORT_INFO ? Option.none()
                : request.contents().flatMap(JingleContent::transport).filter(JingleTransport.Socks5.class::isInstance)
                .map(JingleTransport.Socks5.class::cast).headOption();
        if (news.exists(n -> n.candidateUsed().isDefined() || n.candidateError()) && state.phase() == Phase.NEGOTIATING
                && state.candidates().responderReport().isEmpty()) {
            CandidateExchange.Report report = news.get().candidateUsed().fold(CandidateExchange.Report::error, CandidateExchange.Report::used);
            return nominate(config, state.withCandidates(state.candidates().withResponderReport(report)), fresh).precededBy(ack);
        }
        if (news.exists(n -> n.activated().isDefined()) && state.phase() == Phase.AWAITING_ACTIVATION
                && news.get().activated().equals(state.nominated().map(JingleTransport.Candidate::cid))) {
            return Step.of(state.to(Phase.ACTIVE), ack, new Output.StartSocks5(state.nominated().get(), false));
        }
        if (news.exists(JingleTransport.Socks5::proxyError) && state.phase() == Phase.AWAITING_ACTIVATION) {
            return fallBack(config, state, fresh).precededBy(ack);
        }
        if (request.action() == JingleAction.TRANSPORT_ACCEPT && state.phase() == Phase.REPLACING) {
            JingleTransport.Ibb fallback = config.fallback().get();
            return startIbb(state, request, fallback.blockSize(), fallback.sid(), iq).precededBy(ack);
        }
        if (request.action() == JingleAction.TRANSPORT_REJECT) {
            Jingle terminate = Jingle.terminate(config.sid(), JingleReason.of("failed-transport"));
            return Step.of(state.to(Phase.FAILED), ack, new Output.Send(request(config, fresh, 7, terminate)),
                    new Output.Failed("the responder rejected the fallback transport"));
        }
        if (request.action() == JingleAction.SESSION_TERMINATE) {
            String why = request.reason().map(JingleReason::condition).getOrElse("no reason");
            if (why.equals("success") && (state.phase() == Phase.ACTIVE || state.phase() == Phase.ENDING)) {
                return Step.of(state.to(Phase.ENDED), ack, new Output.Done()); // XEP-0234 §6.6: the receiver has every byte
            }
            return Step.of(state.to(Phase.FAILED), ack, new Output.Failed("the responder ended the session: " + why));
        }
        if (request.action() == JingleAction.CONTENT_REMOVE) {
            // XEP-0234 §6.5 and §9.2: the receiver drops the one file; a session without content is void (XEP-0166 §6.7)
            String why = request.reason().map(JingleReason::condition).getOrElse("no reason");
            Jingle terminate = Jingle.terminate(config.sid(), request.reason().getOrElse(JingleReason.of("cancel")));
            return Step.of(state.to(Phase.FAILED), ack, new Output.Send(request(config, fresh, 6, terminate)),
                    new Output.Failed("the responder removed the file: " + why));
        }
        if (request.action() == JingleAction.SESSION_INFO || request.action() == JingleAction.TRANSPORT_INFO) {
            return Step.of(state, ack); // informational (XEP-0234 received, checksum), or late transport news
        }
        return Step.of(state, new Output.Send(JingleErrors.outOfOrder(iq)));
    }

    /**
     * The responder's candidates from its session-accept (XEP-0260 §2.2) are to be tried; with
     * none, this side reports candidate-error at once.
     */
    private static Step<State, Output> tryResponderCandidates(Config config, State state, Jingle accept, Fresh fresh) {
        Option<JingleTransport.Socks5> theirs = accept.contents().flatMap(JingleContent::transport).filter(JingleTransport.Socks5.class::isInstance)
                .map(JingleTransport.Socks5.class::cast).headOption();
        Seq<JingleTransport.Candidate> candidates = theirs.map(JingleTransport.Socks5::candidates).getOrElse(Array.empty());
        State withTheirs = state.withCandidates(state.candidates().withResponderOffered(candidates));
        if (candidates.isEmpty()) {
            return report(config, withTheirs, CandidateExchange.Report.error(), fresh);
        }
        String dstAddr = theirs.flatMap(JingleTransport.Socks5::dstaddr)
                .getOrElse(() -> Candidates.dstAddr(socks5(config).sid(), config.responder(), config.initiator()));
        return Step.of(withTheirs, new Output.TryCandidates(Candidates.inTryingOrder(candidates), dstAddr));
    }

    /** The held checksum in a session-info (XEP-0234 §8.1); then the termination, if every byte was delivered meanwhile. */
    private static Step<State, Output> sendChecksum(Config config, State state, Fresh fresh) { // draw 0: the initiate's, never in the same step
        JingleContent content = config.content();
        JingleFile hashes = new JingleFile(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Option.none(),
                state.held().get(), Option.none());
        Output send = new Output.Send(request(config, fresh, 0, Jingle.checksum(config.sid(), new Checksum(content.creator(), content.name(), hashes))));
        State sent = state.withChecksum(ChecksumPhase.SENT, Option.none(), false);
        return state.delivered() ? terminateWithSuccess(config, sent, fresh).precededBy(send) : Step.of(sent, send);
    }

    private static Step<State, Output> terminateWithSuccess(Config config, State state, Fresh fresh) {
        Jingle terminate = Jingle.terminate(config.sid(), JingleReason.of("success"));
        return Step.of(state.to(Phase.ENDING), new Output.Send(request(config, fresh, 1, terminate)));
    }

    private static Step<State, Output> startIbb(State state, Jingle request, int offered, String sid, Iq iq) {
        int blockSize = request.contents().flatMap(JingleContent::transport).filter(JingleTransport.Ibb.class::isInstance)
                .map(t -> ((JingleTransport.Ibb) t).blockSize()).headOption().getOrElse(offered);
        if (blockSize > offered) {
            return Step.of(state, new Output.Send(StanzaReplies.errorWithoutPayload(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)
                    .withText("the accepted block size is larger than offered (XEP-0261 §2.2)"))));
        }
        return Step.of(state.withBlockSize(blockSize).to(Phase.ACTIVE), new Output.StartIbb(sid, blockSize));
    }

    /** SOCKS5 failed: replace it with IBB (XEP-0260 §3), or end the session. */
    private static Step<State, Output> fallBack(Config config, State state, Fresh fresh) {
        if (config.fallback().isEmpty()) {
            Jingle terminate = Jingle.terminate(config.sid(), JingleReason.of("connectivity-error"));
            return Step.of(state.to(Phase.FAILED), new Output.Send(request(config, fresh, 7, terminate)),
                    new Output.Failed("no SOCKS5 candidate worked and there is no fallback"));
        }
        JingleContent replaced = config.content().withoutDescription().withTransport(config.fallback().get());
        Jingle replace = Jingle.of(JingleAction.TRANSPORT_REPLACE, config.sid(), Array.of(replaced));
        return Step.of(state.to(Phase.REPLACING), new Output.Send(request(config, fresh, 6, replace)));
    }

    private static JingleTransport.Socks5 socks5(Config config) {
        return (JingleTransport.Socks5) config.transport();
    }

    private static Jingle transportInfo(Config config, JingleTransport transport) {
        return Jingle.of(JingleAction.TRANSPORT_INFO, config.sid(), Array.of(config.content().withoutDescription().withTransport(transport)));
    }

    private static Iq request(Config config, Fresh fresh, int draw, Jingle jingle) {
        return new Iq(IqType.SET, "jingle-" + fresh.token(draw, 12), Option.none(), Option.some(config.responder()), Option.none(),
                Array.of(jingle));
    }
}
