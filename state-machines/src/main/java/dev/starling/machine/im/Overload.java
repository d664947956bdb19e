package dev.starling.machine.im;

import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * What an account entity answers for an input it is given no room to take (the shell's queue for
 * the account is full, a configured limit): {@code resource-constraint}, type {@code wait}
 * (RFC 6120 §8.3.3.18: the server lacks the resources to serve the request now), to a request,
 * a message or a subscription stanza, back to whoever sent it; nothing to broadcast presence,
 * errors or results (RFC 6120 §8.3.1: no error for an error). A session's coming and going is
 * never refused: the shell must always take it, or the account's view of its resources would be wrong.
 */
public final class Overload {

    private static final StanzaError FULL = StanzaError.of(StanzaErrorType.WAIT, StanzaErrorCondition.RESOURCE_CONSTRAINT)
            .withText("the account is busy; try again shortly");

    private Overload() {
    }

    /** Whether an input may be refused at all (everything but a resource binding or ending). */
    public static boolean refusable(AccountInput input) {
        return !(input instanceof AccountInput.ResourceBound || input instanceof AccountInput.ResourceGone);
    }

    /** The refusal of a refusable input. */
    public static Seq<AccountOutput> refusal(AccountInput input) {
        if (input instanceof AccountInput.RosterRequest r) {
            return toResource(r.resource(), r.request());
        } else if (input instanceof AccountInput.BlockingRequest r) {
            return toResource(r.resource(), r.request());
        } else if (input instanceof AccountInput.StorageRequest r) {
            return toResource(r.resource(), r.request());
        } else if (input instanceof AccountInput.PrivacyRequest r) {
            return toResource(r.resource(), r.request());
        } else if (input instanceof AccountInput.OfflineRequest r) {
            return toResource(r.resource(), r.request());
        } else if (input instanceof AccountInput.OutboundStanza out) {
            return toResource(out.stanza().from().flatMap(Jid::resource).getOrElse(""), out.stanza());
        } else if (input instanceof AccountInput.OutboundSubscription out) {
            return toResource(out.presence().from().flatMap(Jid::resource).getOrElse(""), out.presence());
        } else if (input instanceof AccountInput.InboundMessage in) {
            return toContact(in.message());
        } else if (input instanceof AccountInput.InboundIq in) {
            return toContact(in.iq());
        } else if (input instanceof AccountInput.InboundSubscription in) {
            return toContact(in.presence());
        }
        return Array.empty(); // presence broadcasts and probes: nobody waits for an answer
    }

    private static Seq<AccountOutput> toResource(String resource, Stanza stanza) {
        return error(stanza).<AccountOutput>map(e -> new AccountOutput.ToResource(resource, e)).toArray();
    }

    private static Seq<AccountOutput> toContact(Stanza stanza) {
        return error(stanza).<AccountOutput>map(AccountOutput.ToContact::new).toArray();
    }

    private static Option<Stanza> error(Stanza stanza) {
        return StanzaReplies.error(stanza, FULL); // none for an error or a result
    }
}
