package dev.starling.machine.jingle;

import dev.starling.model.jingle.JingleTransport;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Both parties' SOCKS5 candidates and what each reported about the other's (XEP-0260 §2.3), and
 * the candidate that carries the bytes once both reports are in (§2.4). The initiator and the
 * responder each keep one; fed the same reports, the two compute the same nomination.
 *
 * <p>The rules of §2.4: both report candidate-error, and SOCKS5 failed; one reports
 * candidate-used, and that candidate is nominated; both do, and the higher priority wins, the
 * initiator's choice on a tie. A candidate-used naming a candidate the other party never offered
 * counts as candidate-error.
 *
 * @param initiatorOffered the initiator's candidates (in its session-initiate)
 * @param responderOffered the responder's candidates (in its session-accept)
 * @param initiatorReport  the initiator's report on the responder's candidates, once sent
 * @param responderReport  the responder's report on the initiator's candidates, once sent
 */
public record CandidateExchange(Seq<JingleTransport.Candidate> initiatorOffered, Seq<JingleTransport.Candidate> responderOffered,
                                Option<Report> initiatorReport, Option<Report> responderReport) {

    public CandidateExchange {
        Objects.requireNonNull(initiatorOffered, "initiatorOffered");
        Objects.requireNonNull(responderOffered, "responderOffered");
        Objects.requireNonNull(initiatorReport, "initiatorReport");
        Objects.requireNonNull(responderReport, "responderReport");
    }

    /** No candidates and no reports (an in-band session). */
    public static final CandidateExchange NONE = new CandidateExchange(Array.empty(), Array.empty(), Option.none(), Option.none());

    /**
     * One party's report: the cid of the other's candidate it connected to (candidate-used), or
     * none (candidate-error).
     */
    public record Report(Option<String> used) {
        public Report {
            Objects.requireNonNull(used, "used");
        }

        /** candidate-error. */
        public static Report error() {
            return new Report(Option.none());
        }

        /** candidate-used for {@code cid}. */
        public static Report used(String cid) {
            return new Report(Option.some(cid));
        }
    }

    /** What §2.4 decides. */
    public sealed interface Outcome {
        /**
         * This candidate carries the bytes.
         *
         * @param byInitiator whether the initiator offered it (and the responder connected to it)
         */
        record Nominated(JingleTransport.Candidate candidate, boolean byInitiator) implements Outcome {
        }

        /** Both parties reported candidate-error: the transport is to be replaced or the session ended (§3). */
        record Failed() implements Outcome {
        }
    }

    /** The exchange once the initiator's report is sent or received. */
    public CandidateExchange withInitiatorReport(Report report) {
        return new CandidateExchange(initiatorOffered, responderOffered, Option.some(report), responderReport);
    }

    /** The exchange once the responder's report is sent or received. */
    public CandidateExchange withResponderReport(Report report) {
        return new CandidateExchange(initiatorOffered, responderOffered, initiatorReport, Option.some(report));
    }

    /** The exchange once the responder's candidates are known. */
    public CandidateExchange withResponderOffered(Seq<JingleTransport.Candidate> candidates) {
        return new CandidateExchange(initiatorOffered, candidates, initiatorReport, responderReport);
    }

    /** The nomination, once both reports are in. */
    public Option<Outcome> outcome() {
        if (initiatorReport.isEmpty() || responderReport.isEmpty()) {
            return Option.none();
        }
        // the initiator's report names one of the responder's candidates, and the other way round
        Option<JingleTransport.Candidate> initiatorUsed = initiatorReport.get().used().flatMap(cid -> responderOffered.find(c -> c.cid().equals(cid)));
        Option<JingleTransport.Candidate> responderUsed = responderReport.get().used().flatMap(cid -> initiatorOffered.find(c -> c.cid().equals(cid)));
        if (initiatorUsed.isEmpty() && responderUsed.isEmpty()) {
            return Option.some(new Outcome.Failed());
        }
        if (responderUsed.isEmpty() || initiatorUsed.isDefined() && initiatorUsed.get().priority() >= responderUsed.get().priority()) {
            return Option.some(new Outcome.Nominated(initiatorUsed.get(), false));
        }
        return Option.some(new Outcome.Nominated(responderUsed.get(), true));
    }
}
