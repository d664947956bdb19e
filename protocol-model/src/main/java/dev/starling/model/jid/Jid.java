package dev.starling.model.jid;

import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * An XMPP address, {@code [localpart@]domainpart[/resourcepart]}, per RFC 7622. Every instance is
 * valid and enforced: the localpart is a PRECIS UsernameCaseMapped string without the characters
 * excluded by §3.3.1, the domainpart is an IDNA2008 domain name in U-label form or an IP
 * literal with any final dot stripped, the resourcepart is a PRECIS OpaqueString, and each part is
 * 1 to 1023 octets. Two JIDs are equal when their enforced parts are equal (RFC 7622 §3.2.3,
 * §3.3.3, §3.4.3).
 *
 * <p>Parse untrusted input with {@link #parse}, which returns a {@link JidError} naming the part
 * and the rule instead of throwing; {@link #of} is for literals in code and throws.
 */
public final class Jid implements Comparable<Jid> {

    private final Option<String> local;
    private final String domain;
    private final Option<String> resource;
    private final String text;

    private Jid(Option<String> local, String domain, Option<String> resource) {
        this.local = local;
        this.domain = domain;
        this.resource = resource;
        StringBuilder sb = new StringBuilder();
        local.forEach(l -> sb.append(l).append('@'));
        sb.append(domain);
        resource.forEach(r -> sb.append('/').append(r));
        this.text = sb.toString();
    }

    /**
     * Parses and enforces a JID. Separators are found before any transformation (RFC 7622 §3.1):
     * the resourcepart is everything after the first '/', the localpart everything before the
     * first '@' that precedes it.
     */
    public static Either<JidError, Jid> parse(CharSequence input) {
        Objects.requireNonNull(input, "input");
        String s = input.toString();
        int slash = s.indexOf('/');
        String bareText = slash < 0 ? s : s.substring(0, slash);
        int at = bareText.indexOf('@');
        Option<String> rawLocal = at < 0 ? Option.none() : Option.some(bareText.substring(0, at));
        String rawDomain = at < 0 ? bareText : bareText.substring(at + 1);
        Option<String> rawResource = slash < 0 ? Option.none() : Option.some(s.substring(slash + 1));
        return of(rawLocal, rawDomain, rawResource, s);
    }

    /** Parses a JID known to be valid (a literal in code); throws IllegalArgumentException otherwise. */
    public static Jid of(String input) {
        return parse(input).getOrElseThrow(error -> new IllegalArgumentException(error.message()));
    }

    /** Builds a JID from separate raw parts, enforcing each. */
    public static Either<JidError, Jid> of(Option<String> local, String domain, Option<String> resource) {
        StringBuilder sb = new StringBuilder();
        local.forEach(l -> sb.append(l).append('@'));
        sb.append(domain);
        resource.forEach(r -> sb.append('/').append(r));
        return of(local, domain, resource, sb.toString());
    }

    /** A domain-only JID such as a server's address. */
    public static Either<JidError, Jid> ofDomain(String domain) {
        return of(Option.none(), domain, Option.none());
    }

    private static Either<JidError, Jid> of(Option<String> rawLocal, String rawDomain, Option<String> rawResource,
                                            String input) {
        Either<String, String> domain = JidParts.domainpart(rawDomain);
        if (domain.isLeft()) {
            return Either.left(new JidError(JidPart.DOMAINPART, domain.getLeft(), input));
        }
        Option<String> local = Option.none();
        if (rawLocal.isDefined()) {
            Either<String, String> enforced = JidParts.localpart(rawLocal.get());
            if (enforced.isLeft()) {
                return Either.left(new JidError(JidPart.LOCALPART, enforced.getLeft(), input));
            }
            local = Option.some(enforced.get());
        }
        Option<String> resource = Option.none();
        if (rawResource.isDefined()) {
            Either<String, String> enforced = JidParts.resourcepart(rawResource.get());
            if (enforced.isLeft()) {
                return Either.left(new JidError(JidPart.RESOURCEPART, enforced.getLeft(), input));
            }
            resource = Option.some(enforced.get());
        }
        return Either.right(new Jid(local, domain.get(), resource));
    }

    public Option<String> local() {
        return local;
    }

    public String domain() {
        return domain;
    }

    public Option<String> resource() {
        return resource;
    }

    /** Whether there is no resourcepart ({@code local@domain} or {@code domain}). */
    public boolean isBare() {
        return resource.isEmpty();
    }

    /** Whether there is a resourcepart. */
    public boolean isFull() {
        return resource.isDefined();
    }

    /** Whether this is only a domainpart. */
    public boolean isDomain() {
        return local.isEmpty() && resource.isEmpty();
    }

    /**
     * Whether this JID, used as a pattern, covers {@code other}, in the order XEP-0016 §2.1 and
     * XEP-0191 §5 give: a JID with a resourcepart only itself, {@code local@domain} any of its
     * resources, {@code domain} itself and every JID at that domain.
     */
    public boolean covers(Jid other) {
        if (resource.isDefined()) {
            return equals(other);
        }
        if (local.isDefined()) {
            return equals(other.bare());
        }
        return domain.equals(other.domain);
    }

    /** This JID without its resourcepart. */
    public Jid bare() {
        return resource.isEmpty() ? this : new Jid(local, domain, Option.none());
    }

    /** The domainpart alone, as a JID. */
    public Jid domainJid() {
        return isDomain() ? this : new Jid(Option.none(), domain, Option.none());
    }

    /** This JID's bare form with the given resourcepart (enforced). */
    public Either<JidError, Jid> withResource(String rawResource) {
        return JidParts.resourcepart(rawResource)
                .map(r -> new Jid(local, domain, Option.some(r)))
                .mapLeft(rule -> new JidError(JidPart.RESOURCEPART, rule, bare().text + "/" + rawResource));
    }

    /** Whether the bare forms of the two JIDs are equal. */
    public boolean isSameBare(Jid other) {
        return domain.equals(other.domain) && local.equals(other.local);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jid other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public int compareTo(Jid other) {
        return text.compareTo(other.text);
    }

    /** The enforced string form, {@code [local@]domain[/resource]}. */
    @Override
    public String toString() {
        return text;
    }
}
