package dev.starling.machine.sasl;

import io.vavr.control.Option;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * Preparation of user names and passwords with the PRECIS OpaqueString profile (RFC 8265 §4.2),
 * which takes the place of SASLprep (RFC 4013, obsoleted by RFC 7613 and then RFC 8265) in PLAIN
 * (RFC 4616 §2) and SCRAM (RFC 5802 §2.2 Normalize, §5.1).
 */
final class OpaqueStrings {

    private OpaqueStrings() {
    }

    /** The enforced string, or none if the profile refuses it (empty, or with a disallowed code point). */
    static Option<String> prepare(String raw) {
        try {
            return Option.some(PrecisProfiles.OPAQUE_STRING.enforce(raw));
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }
}
