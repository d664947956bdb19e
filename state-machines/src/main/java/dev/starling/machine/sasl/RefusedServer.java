package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.control.Option;

/**
 * A mechanism the server knows but policy refuses here: PLAIN on an unencrypted stream
 * ({@code encryption-required}, RFC 6120 §6.5.4) or a mechanism weaker than the enabled ones
 * ({@code mechanism-too-weak}, §6.5.9). The {@code <auth/>} is answered with that failure.
 */
final class RefusedServer extends SaslServerState {

    private final SaslFailureCondition condition;
    private final String text;

    RefusedServer(String mechanism, SaslFailureCondition condition, String text) {
        super(mechanism);
        this.condition = condition;
        this.text = text;
    }

    @Override
    public ServerStep onAuth(Option<Bytes> initialResponse) {
        return failure(condition, text);
    }
}
