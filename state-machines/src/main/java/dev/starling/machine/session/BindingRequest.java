package dev.starling.machine.session;

import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A client's request to bind a resource (RFC 6120 §7.6, §7.7), passed to the router, which
 * applies its conflict policy across the account's sessions.
 *
 * @param account   the authenticated bare JID
 * @param requested the resource the client asked for, enforced; none lets the server choose
 * @param generated a fresh resource the server may assign (RFC 6120 §7.6)
 */
public record BindingRequest(Jid account, Option<String> requested, String generated) {

    public BindingRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(generated, "generated");
    }
}
