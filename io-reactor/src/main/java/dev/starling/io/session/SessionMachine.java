package dev.starling.io.session;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;

/**
 * A session machine as the runner sees it: the client's {@code ClientSession::step} or the
 * server's {@code ServerSession::step}.
 *
 * @param <S> the machine's state type
 */
@FunctionalInterface
public interface SessionMachine<S> {

    /** Feeds one input to the machine. */
    Step<S, SessionOutput> step(S state, SessionInput input, Fresh fresh);
}
