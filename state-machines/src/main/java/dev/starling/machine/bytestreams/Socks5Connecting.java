package dev.starling.machine.bytestreams;

import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.Socks5Message;
import io.vavr.collection.Array;

import java.util.Objects;

/**
 * The connecting side of the SOCKS5 handshake of a XEP-0065 bytestream: the target connecting to
 * a streamhost (§5.3.2, §6.3.2) or the requester to its proxy (§6.3.4). It offers only "no
 * authentication" (RFC 1928 §3), sends CONNECT with the DST.ADDR hash as a domain name and port
 * 0, and is connected on a success reply (§5.3.3). Another method, a failure reply or a message
 * out of order fails the attempt; the streamhost selection then tries the next host.
 */
public final class Socks5Connecting {

    private Socks5Connecting() {
    }

    /** Where the handshake is. */
    public enum Phase {
        /** Not started. */
        IDLE,
        /** The greeting was sent. */
        METHOD,
        /** CONNECT was sent. */
        REPLY,
        /** The bytestream is established. */
        CONNECTED,
        /** The attempt failed. */
        FAILED
    }

    /** What the machine reacts to. */
    public sealed interface Input {

        /** The TCP connection is open. */
        record Start() implements Input {
        }

        /** A message decoded from the connection. */
        record Received(Socks5Message message) implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {

        /** Write this message. */
        record Send(Socks5Message message) implements Output {
        }

        /** The connection now carries the bytestream. */
        record Connected() implements Output {
        }

        /** The attempt failed; close the connection. */
        record Failed(String reason) implements Output {
        }
    }

    /** Feeds one input; {@code dstAddr} is the stream's hash. */
    public static Step<Phase, Output> step(String dstAddr, Phase phase, Input input) {
        Objects.requireNonNull(dstAddr, "dstAddr");
        if (input instanceof Input.Start && phase == Phase.IDLE) {
            return Step.of(Phase.METHOD, new Output.Send(new Socks5Message.Greeting(Array.of(Socks5Message.NO_AUTH))));
        }
        Socks5Message message = input instanceof Input.Received received ? received.message() : null;
        if (phase == Phase.METHOD && message instanceof Socks5Message.MethodSelection selection) {
            return selection.method() == Socks5Message.NO_AUTH
                    ? Step.of(Phase.REPLY, new Output.Send(Socks5Message.Request.connect(dstAddr)))
                    : Step.of(Phase.FAILED, new Output.Failed("the streamhost accepts no method without authentication"));
        }
        if (phase == Phase.REPLY && message instanceof Socks5Message.Reply reply) {
            return reply.status() == Socks5Message.Status.SUCCEEDED
                    ? Step.of(Phase.CONNECTED, new Output.Connected())
                    : Step.of(Phase.FAILED, new Output.Failed("the streamhost refused CONNECT: " + reply.status()));
        }
        if (phase == Phase.CONNECTED || phase == Phase.FAILED) {
            return Step.of(phase);
        }
        return Step.of(Phase.FAILED, new Output.Failed("unexpected SOCKS5 input in phase " + phase + ": " + input));
    }
}
