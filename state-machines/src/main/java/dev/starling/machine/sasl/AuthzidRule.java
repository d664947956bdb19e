package dev.starling.machine.sasl;

import dev.starling.model.jid.Jid;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Which authorization identities a password-authenticated client may assume (RFC 6120 §6.3.8,
 * §6.4.6): in client-to-server streams the authzid MUST be a bare JID, and this server lets a
 * user act only as itself, that is a bare JID whose localpart is the user name (compared after
 * RFC 7622 enforcement) and, when the service domain is known, whose domainpart is that domain.
 * Anything else is {@code invalid-authzid} (§6.5.6).
 *
 * @param serviceDomain the domain the server serves on this stream, when known
 */
record AuthzidRule(Option<String> serviceDomain) {

    /** The accepted authzid in canonical form (none if the client sent none), or why it is refused. */
    Either<String, Option<String>> authorize(String username, Option<String> authzid) {
        if (authzid.isEmpty()) {
            return Either.right(Option.none());
        }
        Either<?, Jid> parsed = Jid.parse(authzid.get());
        if (parsed.isLeft()) {
            return Either.left("the authzid is not a JID");
        }
        Jid jid = parsed.get();
        if (!jid.isBare() || jid.local().isEmpty()) {
            return Either.left("the authzid must be a bare JID localpart@domainpart");
        }
        if (serviceDomain.isDefined() && !Jid.ofDomain(serviceDomain.get()).exists(domain -> domain.domain().equals(jid.domain()))) {
            return Either.left("the authzid names another domain");
        }
        boolean self = Jid.of(Option.some(username), jid.domain(), Option.none()).exists(jid::equals);
        return self ? Either.right(Option.some(jid.toString())) : Either.left("the user may not act as " + jid);
    }
}
