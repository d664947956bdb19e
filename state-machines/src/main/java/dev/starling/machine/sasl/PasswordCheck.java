package dev.starling.machine.sasl;

import io.vavr.control.Option;

/**
 * Checks a plaintext password against stored SCRAM credentials (RFC 5802 §3): prepare it with
 * the OpaqueString profile (RFC 8265 §4.2), derive the salted password with the stored salt and
 * iteration count, and compare the StoredKey in constant time. Used by SASL PLAIN (RFC 4616) and
 * by XEP-0078 plaintext authentication, so the server never needs the password itself.
 */
public final class PasswordCheck {

    private PasswordCheck() {
    }

    /** Whether the password matches the strongest stored credentials; false when none are stored or it does not prepare. */
    public static boolean matches(Option<StoredCredentials> credentials, String password) {
        Option<ScramCredentials> stored = credentials.flatMap(StoredCredentials::strongest);
        Option<String> prepared = OpaqueStrings.prepare(password);
        if (stored.isEmpty() || prepared.isEmpty()) {
            return false;
        }
        ScramCredentials scram = stored.get();
        byte[] saltedPassword = ScramCrypto.saltedPassword(scram.hash(), prepared.get(), scram.salt(), scram.iterations());
        byte[] storedKey = ScramCrypto.digest(scram.hash(), ScramCrypto.clientKey(scram.hash(), saltedPassword));
        return ScramCrypto.constantTimeEquals(storedKey, scram.storedKey().toArray());
    }
}
