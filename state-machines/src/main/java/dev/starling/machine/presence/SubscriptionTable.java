package dev.starling.machine.presence;

import dev.starling.machine.presence.TableCell.Note;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import static dev.starling.machine.presence.Requirement.MUST;
import static dev.starling.machine.presence.Requirement.MUST_NOT;
import static dev.starling.machine.presence.Requirement.SHOULD_NOT;
import static dev.starling.machine.presence.SubscriptionState.BOTH;
import static dev.starling.machine.presence.SubscriptionState.FROM;
import static dev.starling.machine.presence.SubscriptionState.FROM_PENDING_OUT;
import static dev.starling.machine.presence.SubscriptionState.NONE;
import static dev.starling.machine.presence.SubscriptionState.NONE_PENDING_IN;
import static dev.starling.machine.presence.SubscriptionState.NONE_PENDING_OUT;
import static dev.starling.machine.presence.SubscriptionState.NONE_PENDING_OUT_IN;
import static dev.starling.machine.presence.SubscriptionState.TO;
import static dev.starling.machine.presence.SubscriptionState.TO_PENDING_IN;

/**
 * RFC 6121 Appendix A.2 and A.3 written out: for each subscription stanza type, outbound (sent by
 * the user, Tables 2 to 5) and inbound (arriving for the user, Tables 6 to 9), and each existing
 * state, whether the stanza goes on and the new state. Rows are in the RFC's order; a
 * {@code null} new state is the RFC's "no state change".
 */
public final class SubscriptionTable {

    private static final Map<SubscriptionType, Map<SubscriptionState, TableCell>> OUTBOUND = HashMap.of(
            SubscriptionType.SUBSCRIBE, table(                                     // Table 2
                    row(NONE, MUST, NONE_PENDING_OUT, Note.SETS_ASK),
                    row(NONE_PENDING_OUT, MUST, null),
                    row(NONE_PENDING_IN, MUST, NONE_PENDING_OUT_IN, Note.SETS_ASK),
                    row(NONE_PENDING_OUT_IN, MUST, null),
                    row(TO, MUST, null),
                    row(TO_PENDING_IN, MUST, null),
                    row(FROM, MUST, FROM_PENDING_OUT, Note.SETS_ASK),
                    row(FROM_PENDING_OUT, MUST, null),
                    row(BOTH, MUST, null)),
            SubscriptionType.UNSUBSCRIBE, table(                                   // Table 3
                    row(NONE, MUST, null),
                    row(NONE_PENDING_OUT, MUST, NONE),
                    row(NONE_PENDING_IN, MUST, null),
                    row(NONE_PENDING_OUT_IN, MUST, NONE_PENDING_IN),
                    row(TO, MUST, NONE),
                    row(TO_PENDING_IN, MUST, NONE_PENDING_IN),
                    row(FROM, MUST, null),
                    row(FROM_PENDING_OUT, MUST, FROM),
                    row(BOTH, MUST, FROM)),
            SubscriptionType.SUBSCRIBED, table(                                    // Table 4
                    row(NONE, MUST_NOT, null, Note.PRE_APPROVAL),
                    row(NONE_PENDING_OUT, MUST_NOT, null, Note.PRE_APPROVAL),
                    row(NONE_PENDING_IN, MUST, FROM),
                    row(NONE_PENDING_OUT_IN, MUST, FROM_PENDING_OUT),
                    row(TO, MUST_NOT, null, Note.PRE_APPROVAL),
                    row(TO_PENDING_IN, MUST, BOTH),
                    row(FROM, MUST_NOT, null),
                    row(FROM_PENDING_OUT, MUST_NOT, null),
                    row(BOTH, MUST_NOT, null)),
            SubscriptionType.UNSUBSCRIBED, table(                                  // Table 5
                    row(NONE, SHOULD_NOT, null, Note.CANCELS_PRE_APPROVAL),
                    row(NONE_PENDING_OUT, SHOULD_NOT, null, Note.CANCELS_PRE_APPROVAL),
                    row(NONE_PENDING_IN, MUST, NONE),
                    row(NONE_PENDING_OUT_IN, MUST, NONE_PENDING_OUT),
                    row(TO, SHOULD_NOT, null, Note.CANCELS_PRE_APPROVAL),
                    row(TO_PENDING_IN, MUST, TO),
                    row(FROM, MUST, NONE),
                    row(FROM_PENDING_OUT, MUST, NONE_PENDING_OUT),
                    row(BOTH, MUST, TO)));

    private static final Map<SubscriptionType, Map<SubscriptionState, TableCell>> INBOUND = HashMap.of(
            SubscriptionType.SUBSCRIBE, table(                                     // Table 6
                    row(NONE, MUST, NONE_PENDING_IN, Note.PRE_APPROVED_AUTO_REPLY),
                    row(NONE_PENDING_OUT, MUST, NONE_PENDING_OUT_IN),
                    row(NONE_PENDING_IN, SHOULD_NOT, null),
                    row(NONE_PENDING_OUT_IN, SHOULD_NOT, null),
                    row(TO, MUST, TO_PENDING_IN),
                    row(TO_PENDING_IN, SHOULD_NOT, null),
                    row(FROM, SHOULD_NOT, null, Note.AUTO_REPLY_SUBSCRIBED),
                    row(FROM_PENDING_OUT, SHOULD_NOT, null, Note.AUTO_REPLY_SUBSCRIBED),
                    row(BOTH, SHOULD_NOT, null, Note.AUTO_REPLY_SUBSCRIBED)),
            SubscriptionType.UNSUBSCRIBE, table(                                   // Table 7
                    row(NONE, SHOULD_NOT, null),
                    row(NONE_PENDING_OUT, SHOULD_NOT, null),
                    row(NONE_PENDING_IN, MUST, NONE, Note.AUTO_REPLY_UNSUBSCRIBED),
                    row(NONE_PENDING_OUT_IN, MUST, NONE_PENDING_OUT, Note.AUTO_REPLY_UNSUBSCRIBED),
                    row(TO, SHOULD_NOT, null),
                    row(TO_PENDING_IN, MUST, TO, Note.AUTO_REPLY_UNSUBSCRIBED),
                    row(FROM, MUST, NONE, Note.AUTO_REPLY_UNSUBSCRIBED),
                    row(FROM_PENDING_OUT, MUST, NONE_PENDING_OUT, Note.AUTO_REPLY_UNSUBSCRIBED),
                    row(BOTH, MUST, TO, Note.AUTO_REPLY_UNSUBSCRIBED)),
            SubscriptionType.SUBSCRIBED, table(                                    // Table 8
                    row(NONE, SHOULD_NOT, null),
                    row(NONE_PENDING_OUT, MUST, TO),
                    row(NONE_PENDING_IN, SHOULD_NOT, null),
                    row(NONE_PENDING_OUT_IN, MUST, TO_PENDING_IN),
                    row(TO, SHOULD_NOT, null),
                    row(TO_PENDING_IN, SHOULD_NOT, null),
                    row(FROM, SHOULD_NOT, null),
                    row(FROM_PENDING_OUT, MUST, BOTH),
                    row(BOTH, SHOULD_NOT, null)),
            SubscriptionType.UNSUBSCRIBED, table(                                  // Table 9
                    row(NONE, SHOULD_NOT, null),
                    row(NONE_PENDING_OUT, MUST, NONE),
                    row(NONE_PENDING_IN, SHOULD_NOT, null),
                    row(NONE_PENDING_OUT_IN, MUST, NONE_PENDING_IN),
                    row(TO, MUST, NONE),
                    row(TO_PENDING_IN, MUST, NONE_PENDING_IN),
                    row(FROM, SHOULD_NOT, null),
                    row(FROM_PENDING_OUT, MUST, FROM),
                    row(BOTH, MUST, FROM)));

    private SubscriptionTable() {
    }

    /** The row for a stanza the user sends (RFC 6121 Appendix A.2). */
    public static TableCell outbound(SubscriptionType type, SubscriptionState state) {
        return OUTBOUND.get(type).get().get(state).get();
    }

    /** The row for a stanza that arrives for the user (RFC 6121 Appendix A.3). */
    public static TableCell inbound(SubscriptionType type, SubscriptionState state) {
        return INBOUND.get(type).get().get(state).get();
    }

    @SafeVarargs
    private static Map<SubscriptionState, TableCell> table(io.vavr.Tuple2<SubscriptionState, TableCell>... rows) {
        Map<SubscriptionState, TableCell> table = HashMap.ofEntries(rows);
        if (table.size() != SubscriptionState.values().length) {
            throw new IllegalStateException("a table needs one row per state");
        }
        return table;
    }

    private static io.vavr.Tuple2<SubscriptionState, TableCell> row(SubscriptionState state, Requirement forward, SubscriptionState next) {
        return row(state, forward, next, Note.NONE);
    }

    private static io.vavr.Tuple2<SubscriptionState, TableCell> row(SubscriptionState state, Requirement forward, SubscriptionState next,
                                                                  Note note) {
        return io.vavr.Tuple.of(state, new TableCell(forward, Option.of(next), note));
    }
}
