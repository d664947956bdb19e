package dev.starling.machine.sasl;

import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * The names of the mechanisms this package implements (RFC 4422 §3.1 names, registered with
 * IANA), and their order of strength for mechanisms that prove a password.
 */
public final class SaslMechanismNames {

    /** RFC 4616. */
    public static final String PLAIN = "PLAIN";
    /** RFC 4505. */
    public static final String ANONYMOUS = "ANONYMOUS";
    /** RFC 4422 Appendix A. */
    public static final String EXTERNAL = "EXTERNAL";

    private SaslMechanismNames() {
    }

    /** The SCRAM mechanisms from the strongest: every -PLUS variant first, then the plain ones. */
    public static Seq<String> scramStrongestFirst() {
        Seq<ScramHash> hashes = ScramHash.strongestFirst();
        return hashes.map(ScramHash::plusMechanismName).appendAll(hashes.map(ScramHash::mechanismName));
    }

    /** Every mechanism name this package implements. */
    public static Seq<String> all() {
        return List.of(EXTERNAL).appendAll(scramStrongestFirst()).append(PLAIN).append(ANONYMOUS);
    }
}
