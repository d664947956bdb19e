package dev.starling.conformance.session;

import dev.starling.machine.sasl.ScramCredentialsFactory;
import dev.starling.machine.sasl.ScramHash;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.model.Bytes;

import java.nio.charset.StandardCharsets;

/** Test helper: the stored SCRAM credentials (all three hashes, 4096 iterations) of a password. */
final class Credentials {

    private Credentials() {
    }

    static StoredCredentials stored(String password) {
        Bytes salt = Bytes.of("starling-test-salt".getBytes(StandardCharsets.UTF_8));
        return new StoredCredentials(ScramHash.strongestFirst().map(hash -> ScramCredentialsFactory.derive(hash, password, salt, 4096)));
    }
}
