package dev.starling.io.tls;

import io.vavr.control.Option;

/**
 * Names the {@link XmppSslHandler} whose handshake runs on this thread. BoringSSL reports what Starling keeps
 * of a handshake (its key log, a client certificate's verification) through callbacks that know only the native
 * connection; they run inside the engine call that drives the handshake, on the calling thread, so the handler
 * names itself the receiver for the duration of each such call.
 */
final class HandshakeCapture {

    private static final ThreadLocal<XmppSslHandler> RECEIVER = new ThreadLocal<>();

    private HandshakeCapture() {
    }

    /** Runs {@code step} with {@code receiver} as the handler of any handshake callback made meanwhile on this thread. */
    static <E extends Exception> void during(XmppSslHandler receiver, Step<E> step) throws E {
        XmppSslHandler previous = RECEIVER.get();
        RECEIVER.set(receiver);
        try {
            step.run();
        } finally {
            if (previous == null) {
                RECEIVER.remove();
            } else {
                RECEIVER.set(previous);
            }
        }
    }

    /** The handler whose handshake step is running on this thread, if any. */
    static Option<XmppSslHandler> current() {
        return Option.of(RECEIVER.get());
    }

    /** One handler call that may drive the handshake. */
    @FunctionalInterface
    interface Step<E extends Exception> {
        void run() throws E;
    }
}
