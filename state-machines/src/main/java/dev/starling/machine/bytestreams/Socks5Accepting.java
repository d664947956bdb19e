package dev.starling.machine.bytestreams;

import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.Socks5Message;
import dev.starling.model.bytestreams.Socks5Message.AddressType;
import dev.starling.model.bytestreams.Socks5Message.Status;

import java.util.Locale;

/**
 * The streamhost's side of the SOCKS5 handshake of a XEP-0065 bytestream, for the proxy (§6.3.2,
 * §6.3.4) and for a requester's own listener (§5.3.2): RFC 1928 with the "no authentication"
 * method only, then one CONNECT whose DST.ADDR is the stream's hash as a domain name. The
 * machine does not know which hashes are expected: it reports {@link Output.Requested} and the
 * owner answers with {@link Input.Decided}. Only then is the success reply sent, echoing the
 * hash as BND.ADDR with port 0 (§5.3.3). DST.PORT is not checked (§9.1 lets a streamhost ignore
 * it).
 *
 * <p>Anything else ends the handshake: a greeting without method 0 gets "no acceptable methods"
 * (RFC 1928 §3), another command "command not supported", another address type "address type
 * not supported", a refused hash "connection not allowed by ruleset" (RFC 1928 §6), and a
 * message out of order a plain close.
 */
public final class Socks5Accepting {

    private Socks5Accepting() {
    }

    /** Where the handshake is. */
    public enum Phase {
        /** Waiting for the client's method list. */
        GREETING,
        /** Waiting for the CONNECT request. */
        REQUEST,
        /** The owner is deciding on the requested hash. */
        DECIDING,
        /** Success was replied: the connection now carries the bytestream. */
        ACCEPTED,
        /** The handshake failed and the connection is to be closed. */
        REFUSED
    }

    /**
     * The handshake so far.
     *
     * @param phase   where it is
     * @param dstAddr the requested hash, once known (lowercase)
     */
    public record State(Phase phase, String dstAddr) {
    }

    /** What the machine reacts to. */
    public sealed interface Input {

        /** A message decoded from the connection. */
        record Received(Socks5Message message) implements Input {
        }

        /** The owner's decision on the requested hash. */
        record Decided(boolean admitted) implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {

        /** Write this message. */
        record Send(Socks5Message message) implements Output {
        }

        /** Ask the owner whether this hash is expected. */
        record Requested(String dstAddr) implements Output {
        }

        /** The bytestream is established on this connection. */
        record Accepted(String dstAddr) implements Output {
        }

        /** Close the connection (after writing what was sent). */
        record Close(String reason) implements Output {
        }
    }

    /** Before the client's first message. */
    public static State initial() {
        return new State(Phase.GREETING, "");
    }

    /** Feeds one input. */
    public static Step<State, Output> step(State state, Input input) {
        if (input instanceof Input.Decided decided) {
            return state.phase() == Phase.DECIDING ? decide(state, decided.admitted()) : Step.of(state);
        }
        Socks5Message message = ((Input.Received) input).message();
        if (state.phase() == Phase.GREETING && message instanceof Socks5Message.Greeting greeting) {
            if (!greeting.methods().contains(Socks5Message.NO_AUTH)) {
                return refuse(state, new Socks5Message.MethodSelection(Socks5Message.NO_ACCEPTABLE_METHODS),
                        "the client offers no method without authentication");
            }
            return Step.of(new State(Phase.REQUEST, ""), new Output.Send(new Socks5Message.MethodSelection(Socks5Message.NO_AUTH)));
        }
        if (state.phase() == Phase.REQUEST && message instanceof Socks5Message.Request request) {
            if (request.command() != Socks5Message.CONNECT) {
                return refuse(state, reply(Status.COMMAND_NOT_SUPPORTED, request.host()), "only CONNECT is supported");
            }
            if (request.type() != AddressType.DOMAIN) {
                return refuse(state, reply(Status.ADDRESS_TYPE_NOT_SUPPORTED, request.host()), "DST.ADDR must be a domain name (XEP-0065 §5.3.2)");
            }
            String hash = request.host().toLowerCase(Locale.ROOT);
            return Step.of(new State(Phase.DECIDING, hash), new Output.Requested(hash));
        }
        return Step.of(new State(Phase.REFUSED, state.dstAddr()), new Output.Close("unexpected SOCKS5 message in phase " + state.phase()));
    }

    private static Step<State, Output> decide(State state, boolean admitted) {
        if (!admitted) {
            return refuse(state, reply(Status.NOT_ALLOWED, state.dstAddr()), "no bytestream is expected for " + state.dstAddr());
        }
        return Step.of(new State(Phase.ACCEPTED, state.dstAddr()), new Output.Send(reply(Status.SUCCEEDED, state.dstAddr())),
                new Output.Accepted(state.dstAddr()));
    }

    private static Socks5Message.Reply reply(Status status, String host) {
        return new Socks5Message.Reply(status, AddressType.DOMAIN, host, 0);
    }

    private static Step<State, Output> refuse(State state, Socks5Message answer, String reason) {
        return Step.of(new State(Phase.REFUSED, state.dstAddr()), new Output.Send(answer), new Output.Close(reason));
    }
}
