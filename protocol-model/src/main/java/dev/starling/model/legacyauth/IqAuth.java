package dev.starling.model.legacyauth;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code jabber:iq:auth} query of XEP-0078 §2. In the server's answer to a {@code get}, an
 * empty element names a field the server accepts (Example 2: {@code <password/>} means plaintext,
 * {@code <digest/>} means SHA-1 digest); in the client's {@code set} the elements carry the
 * credentials and the resource. An empty value therefore means "asked for", none means absent.
 *
 * @param username the username
 * @param password the plaintext password
 * @param digest   the lowercase hex SHA-1 of stream id and password
 * @param resource the resource to bind
 */
public record IqAuth(Option<String> username, Option<String> password, Option<String> digest, Option<String> resource)
        implements Extension {

    /** The query's namespace. */
    public static final String NAMESPACE = "jabber:iq:auth";

    public IqAuth {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(resource, "resource");
    }

    /** The client's {@code get} (Example 1), optionally naming the username. */
    public static IqAuth query(Option<String> username) {
        return new IqAuth(username, Option.none(), Option.none(), Option.none());
    }

    /** The server's answer offering these fields (Example 2). */
    public static IqAuth fields(boolean plaintext, boolean digest) {
        return new IqAuth(Option.some(""), plaintext ? Option.some("") : Option.none(), digest ? Option.some("") : Option.none(),
                Option.some(""));
    }

    /** Plaintext credentials (Example 3). */
    public static IqAuth plaintext(String username, String password, String resource) {
        return new IqAuth(Option.some(username), Option.some(password), Option.none(), Option.some(resource));
    }

    /** Digest credentials (Example 4). */
    public static IqAuth digest(String username, String digest, String resource) {
        return new IqAuth(Option.some(username), Option.none(), Option.some(digest), Option.some(resource));
    }

    /** Whether the server's answer offers plaintext passwords. */
    public boolean offersPlaintext() {
        return password.isDefined();
    }

    /** Whether the server's answer offers digests. */
    public boolean offersDigest() {
        return digest.isDefined();
    }
}
