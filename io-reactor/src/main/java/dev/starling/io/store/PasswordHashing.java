package dev.starling.io.store;

import dev.starling.machine.sasl.ScramCredentialsFactory;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.model.Bytes;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;

/**
 * Turns a password into what the store keeps (RFC 5802 §3): a fresh random 16-byte salt and the
 * SCRAM keys for every hash at {@value #ITERATIONS} iterations. The derivation costs milliseconds
 * of CPU, so the reactive form runs it on the parallel scheduler, never on an event loop.
 */
public final class PasswordHashing {

    /** PBKDF2 iterations: RFC 7677 §4 recommends at least 4096. */
    public static final int ITERATIONS = ScramCredentialsFactory.MINIMUM_ITERATIONS;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashing() {
    }

    /** Derives the stored credentials now, on the calling thread. */
    public static StoredCredentials derive(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return ScramCredentialsFactory.deriveAll(password, Bytes.of(salt), ITERATIONS);
    }

    /** Derives the stored credentials on the parallel scheduler. */
    public static Mono<StoredCredentials> deriveLater(String password) {
        return Mono.fromSupplier(() -> derive(password)).subscribeOn(Schedulers.parallel());
    }
}
