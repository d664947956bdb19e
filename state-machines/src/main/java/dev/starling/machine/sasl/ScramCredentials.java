package dev.starling.machine.sasl;

import dev.starling.model.Bytes;

import java.util.Objects;

/**
 * What a server stores to verify one SCRAM hash for one account (RFC 5802 §3): the salt, the
 * iteration count, {@code StoredKey = H(ClientKey)} and {@code ServerKey}. The password cannot be
 * recovered from it; derive it with {@link ScramCredentialsFactory#derive}.
 *
 * @param hash       the hash function these keys belong to
 * @param salt       the salt given to Hi(); never empty
 * @param iterations the iteration count of Hi(); at least 1 (clients refuse fewer than 4096)
 * @param storedKey  {@code H(HMAC(SaltedPassword, "Client Key"))}
 * @param serverKey  {@code HMAC(SaltedPassword, "Server Key")}
 */
public record ScramCredentials(ScramHash hash, Bytes salt, int iterations, Bytes storedKey, Bytes serverKey) {

    public ScramCredentials {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(storedKey, "storedKey");
        Objects.requireNonNull(serverKey, "serverKey");
        if (salt.isEmpty()) {
            throw new IllegalArgumentException("salt must not be empty");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        if (storedKey.length() != hash.keyLength() || serverKey.length() != hash.keyLength()) {
            throw new IllegalArgumentException("keys of " + hash + " are " + hash.keyLength() + " octets long");
        }
    }
}
