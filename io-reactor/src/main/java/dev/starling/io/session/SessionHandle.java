package dev.starling.io.session;

import dev.starling.machine.session.SessionInput;

/**
 * A running session as the assembly sees it: a way to feed it inputs from any thread. Inputs
 * are queued to the session's event loop and processed one at a time, in order.
 */
public interface SessionHandle {

    /**
     * Queues an input for the session.
     *
     * @return false when the session's input queue is full or the session has ended; the caller
     *         answers as the protocol says (e.g. {@code resource-constraint}, {@code wait})
     */
    boolean offer(SessionInput input);

    /** A short label for logs (remote address and, once bound, the JID). */
    String label();
}
