package dev.starling.machine.routing;

import dev.starling.machine.session.BindingRequest;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Decides a resource binding against the account's bound resources, RFC 6120 §7.6 and §7.7: a
 * generated resource when none was asked for, the requested one when it is free, and otherwise
 * the configured {@link ConflictPolicy} (§7.7.2.2); more sessions than the account may have is
 * {@code resource-constraint} (§7.6.2.1). A pure function.
 */
public final class ResourceBinding {

    private ResourceBinding() {
    }

    /**
     * The decision for a request, given the resources the account's sessions hold.
     *
     * @param request     the request, with a fresh resource the server may assign
     * @param bound       the resources currently bound for the account
     * @param policy      what to do on a conflict
     * @param maxSessions how many sessions one account may have at once
     */
    public static BindingDecision decide(BindingRequest request, Set<String> bound, ConflictPolicy policy, int maxSessions) {
        Option<String> requested = request.requested();
        boolean conflict = requested.exists(bound::contains);
        if (conflict && policy == ConflictPolicy.REPLACE_OLD) {
            Jid full = withResource(request.account(), requested.get());
            return new BindingDecision(Either.right(full), Option.some(full));
        }
        if (bound.size() >= maxSessions) {
            return refuse(StanzaErrorCondition.RESOURCE_CONSTRAINT, "the account already has " + bound.size() + " sessions");
        }
        if (conflict && policy == ConflictPolicy.REFUSE_NEW) {
            return refuse(StanzaErrorCondition.CONFLICT, "the resource is in use by another session");
        }
        String resource = requested.filter(r -> !bound.contains(r))
                .getOrElse(() -> requested.map(r -> r + "." + request.generated()).getOrElse(request.generated()));
        return new BindingDecision(Either.right(withResource(request.account(), resource)), Option.none());
    }

    private static BindingDecision refuse(StanzaErrorCondition condition, String text) {
        return new BindingDecision(Either.left(StanzaError.of(condition).withText(text)), Option.none());
    }

    private static Jid withResource(Jid account, String resource) {
        return account.withResource(resource)
                .getOrElseThrow(error -> new IllegalArgumentException("resource was enforced at request time: " + error.message()));
    }
}
