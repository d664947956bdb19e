package dev.starling.machine.sasl;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What a server stores per account for SASL: one {@link ScramCredentials} per SCRAM hash it
 * supports, never the password (RFC 5802 §3). PLAIN is verified against these too.
 *
 * @param scram the SCRAM credentials, at most one per hash
 */
public record StoredCredentials(Seq<ScramCredentials> scram) {

    public StoredCredentials {
        Objects.requireNonNull(scram, "scram");
        if (scram.map(ScramCredentials::hash).distinct().size() != scram.size()) {
            throw new IllegalArgumentException("at most one set of SCRAM credentials per hash");
        }
    }

    /** The credentials for one hash, if stored. */
    public Option<ScramCredentials> forHash(ScramHash hash) {
        return scram.find(credentials -> credentials.hash() == hash);
    }

    /** The credentials of the strongest stored hash, if any. */
    public Option<ScramCredentials> strongest() {
        return ScramHash.strongestFirst().flatMap(this::forHash).headOption();
    }
}
