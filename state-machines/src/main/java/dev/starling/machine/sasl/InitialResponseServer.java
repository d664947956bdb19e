package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Option;

/**
 * A server for a client-first mechanism: its first message arrives in {@code <auth/>} or, when
 * the client sent no initial response, in the {@code <response/>} to an empty challenge
 * (RFC 6120 §6.4.2, RFC 4422 §5 item 2).
 */
abstract class InitialResponseServer extends SaslServerState {

    InitialResponseServer(String mechanism) {
        super(mechanism);
    }

    /** Handles the client's first message. */
    abstract ServerStep onFirstMessage(Bytes message);

    @Override
    public final ServerStep onAuth(Option<Bytes> initialResponse) {
        return initialResponse.isDefined()
                ? onFirstMessage(initialResponse.get())
                : new ServerStep.Challenge(new ExpectFirstMessage(this), Bytes.empty());
    }

    /** Sent an empty challenge; expects the first message as a response (a response without data counts as empty). */
    private static final class ExpectFirstMessage extends SaslServerState {

        private final InitialResponseServer owner;

        ExpectFirstMessage(InitialResponseServer owner) {
            super(owner.mechanism());
            this.owner = owner;
        }

        @Override
        public ServerStep onResponse(Option<Bytes> response) {
            return owner.onFirstMessage(response.getOrElse(Bytes.empty()));
        }
    }
}
