package dev.starling.io.tls;

import dev.starling.model.Bytes;
import java.util.function.Consumer;

/**
 * Hands the {@code tls-exporter} value that {@link ExporterSecret} computes to the engine whose handshake
 * derived it. BouncyCastle runs a handshake step inside {@code wrap}/{@code unwrap} on the calling thread,
 * so {@link XmppSslEngine} names itself the receiver for the duration of each call.
 */
final class ExporterCapture {

    private static final ThreadLocal<Consumer<Bytes>> RECEIVER = new ThreadLocal<>();

    private ExporterCapture() {
    }

    /** Runs {@code step} with {@code receiver} taking any exporter value computed meanwhile on this thread. */
    static <T, E extends Exception> T during(Consumer<Bytes> receiver, Step<T, E> step) throws E {
        Consumer<Bytes> previous = RECEIVER.get();
        RECEIVER.set(receiver);
        try {
            return step.run();
        } finally {
            if (previous == null) {
                RECEIVER.remove();
            } else {
                RECEIVER.set(previous);
            }
        }
    }

    /** Gives {@code value} to the current receiver, if a handshake step is running on this thread. */
    static void deliver(Bytes value) {
        Consumer<Bytes> receiver = RECEIVER.get();
        if (receiver != null) {
            receiver.accept(value);
        }
    }

    /** One engine call. */
    @FunctionalInterface
    interface Step<T, E extends Exception> {
        T run() throws E;
    }
}
