package dev.starling.io.session;

import dev.starling.machine.session.SessionEvent;

/** Where a running session reports its events: in order, on the session's event loop. */
@FunctionalInterface
public interface SessionHooks {

    /** One event the machine reported. */
    void onEvent(SessionHandle session, SessionEvent event);
}
