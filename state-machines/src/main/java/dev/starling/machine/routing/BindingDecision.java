package dev.starling.machine.routing;

import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.StanzaError;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The router's decision on a bind request (RFC 6120 §7.6.1 and §7.7.1: the resource to bind; §7.6.2 and
 * §7.7.2: the stanza error; §7.7.2.2: the old session to end with {@code conflict} when the new one takes its place).
 *
 * @param outcome the full JID to bind, or the stanza error to answer with
 * @param evict   the session to end with a {@code conflict} stream error, under {@link ConflictPolicy#REPLACE_OLD}
 */
public record BindingDecision(Either<StanzaError, Jid> outcome, Option<Jid> evict) {

    public BindingDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(evict, "evict");
    }
}
