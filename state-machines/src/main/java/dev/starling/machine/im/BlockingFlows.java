package dev.starling.machine.im;

import dev.starling.machine.blocking.Blocklist;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The blocking command of XEP-0191 in the account entity: the blocklist get (§3.2), block and
 * unblock with their pushes to the resources that asked for the list (§3.3 to §3.5), unavailable
 * presence to a newly blocked subscriber and current presence to a newly unblocked one, and the
 * refusal of stanzas to a blocked JID with not-acceptable and {@code <blocked/>} (§3.3).
 */
final class BlockingFlows {

    private BlockingFlows() {
    }

    static Step<AccountState, AccountOutput> request(AccountState state, String resource, Iq request, BlockingCommand command, Fresh fresh) {
        if (request.type() == IqType.GET && command instanceof BlockingCommand.BlockList) {
            return Step.of(state.withBlockers(state.blockers().add(resource)), new AccountOutput.ToResource(resource,
                    StanzaReplies.result(request, new BlockingCommand.BlockList(state.blocklist().jids().toArray()))));
        }
        if (request.type() != IqType.SET || command instanceof BlockingCommand.BlockList
                || command instanceof BlockingCommand.Block && command.jids().isEmpty()) {
            return Step.of(state, new AccountOutput.ToResource(resource, StanzaReplies.errorWithoutPayload(request,
                    StanzaError.of(StanzaErrorCondition.BAD_REQUEST).withText("block at least one JID; get the blocklist with a get (XEP-0191 §3)"))));
        }
        Blocklist before = state.blocklist();
        Blocklist after = command instanceof BlockingCommand.Block block ? before.block(block.jids())
                : command.jids().isEmpty() ? Blocklist.EMPTY : before.unblock(command.jids());
        AccountState now = state.withBlocklist(after);
        Seq<AccountOutput> outputs = Array.<AccountOutput>of(new AccountOutput.StoreBlocklist(after),
                        new AccountOutput.ToResource(resource, StanzaReplies.result(request)))
                .appendAll(state.blockers().toArray().zipWithIndex().map(r -> new AccountOutput.ToResource(r._1,
                        Iq.of(IqType.SET, "block-" + fresh.token(0, 12) + "-" + r._2, command).withTo(Option.some(state.full(r._1))))))
                .appendAll(presenceDue(state, before, after));
        return Step.of(now, outputs);
    }

    /** The refusal of a stanza to a blocked JID (XEP-0191 §3.3), or none if it is not blocked or is itself an error. */
    static Option<Stanza> refusal(AccountState state, Stanza outbound) {
        if (outbound.to().isEmpty() || !state.blocklist().blocks(outbound.to().get())) {
            return Option.none();
        }
        StanzaError error = StanzaError.of(StanzaErrorType.CANCEL, StanzaErrorCondition.NOT_ACCEPTABLE) // type as in XEP-0191 Example 9
                .withApplicationCondition(Element.of(BlockingCommand.ERRORS_NAMESPACE, "blocked"));
        return StanzaReplies.error(outbound, error).orElse(Option.none());
    }

    /** Whether the entity drops what this sender sends (XEP-0191 §3.3). */
    static boolean blocked(AccountState state, Stanza inbound) {
        return inbound.from().exists(state.blocklist()::blocks);
    }

    /** Subscribers newly blocked lose the account's presence; subscribers newly unblocked get it back (XEP-0191 §3.3, §3.4). */
    private static Seq<AccountOutput> presenceDue(AccountState state, Blocklist before, Blocklist after) {
        return state.roster().entries().values().filter(e -> e.subscription().state().from()).toArray().flatMap(entry -> {
            Jid contact = entry.contact();
            if (!before.blocks(contact) && after.blocks(contact)) {
                return state.available().keySet().toArray().map(r -> (AccountOutput) new AccountOutput.ToContact(
                        Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(state.full(r))).withTo(Option.some(contact))));
            }
            if (before.blocks(contact) && !after.blocks(contact)) {
                return state.available().toArray().map(r -> (AccountOutput) new AccountOutput.ToContact(
                        r._2.withFrom(Option.some(state.full(r._1))).withTo(Option.some(contact))));
            }
            return Array.empty();
        });
    }
}
