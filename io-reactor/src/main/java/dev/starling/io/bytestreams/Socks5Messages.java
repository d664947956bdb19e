package dev.starling.io.bytestreams;

import dev.starling.model.bytestreams.Socks5Message;
import io.netty.handler.codec.socksx.v5.DefaultSocks5CommandRequest;
import io.netty.handler.codec.socksx.v5.DefaultSocks5CommandResponse;
import io.netty.handler.codec.socksx.v5.DefaultSocks5InitialRequest;
import io.netty.handler.codec.socksx.v5.DefaultSocks5InitialResponse;
import io.netty.handler.codec.socksx.v5.Socks5AddressType;
import io.netty.handler.codec.socksx.v5.Socks5AuthMethod;
import io.netty.handler.codec.socksx.v5.Socks5CommandRequest;
import io.netty.handler.codec.socksx.v5.Socks5CommandResponse;
import io.netty.handler.codec.socksx.v5.Socks5CommandStatus;
import io.netty.handler.codec.socksx.v5.Socks5CommandType;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequest;
import io.netty.handler.codec.socksx.v5.Socks5InitialResponse;
import io.vavr.collection.Array;
import io.vavr.control.Option;

/** Translation between Netty's SOCKS5 messages (what its codec reads and writes) and the machines' values. */
final class Socks5Messages {

    private Socks5Messages() {
    }

    /** The value of a decoded message; none for a message that failed to decode or that XEP-0065 never uses. */
    static Option<Socks5Message> read(Object decoded) {
        if (decoded instanceof io.netty.handler.codec.socksx.v5.Socks5Message message && message.decoderResult().isFailure()) {
            return Option.none();
        }
        if (decoded instanceof Socks5InitialRequest greeting) {
            return Option.some(new Socks5Message.Greeting(Array.ofAll(greeting.authMethods()).map(m -> (int) m.byteValue() & 0xFF)));
        }
        if (decoded instanceof Socks5InitialResponse selection) {
            return Option.some(new Socks5Message.MethodSelection(selection.authMethod().byteValue() & 0xFF));
        }
        if (decoded instanceof Socks5CommandRequest request) {
            return Option.some(new Socks5Message.Request(request.type().byteValue() & 0xFF, type(request.dstAddrType()),
                    request.dstAddr(), request.dstPort()));
        }
        if (decoded instanceof Socks5CommandResponse response) {
            Socks5Message.Status status = Array.of(Socks5Message.Status.values())
                    .find(s -> s.code() == (response.status().byteValue() & 0xFF)).getOrElse(Socks5Message.Status.GENERAL_FAILURE);
            return Option.some(new Socks5Message.Reply(status, type(response.bndAddrType()), String.valueOf(response.bndAddr()),
                    response.bndPort()));
        }
        return Option.none();
    }

    /** The Netty message to write for a value. */
    static Object write(Socks5Message message) {
        if (message instanceof Socks5Message.Greeting greeting) {
            return new DefaultSocks5InitialRequest(greeting.methods().map(m -> Socks5AuthMethod.valueOf((byte) m.intValue()))
                    .toJavaList());
        }
        if (message instanceof Socks5Message.MethodSelection selection) {
            return new DefaultSocks5InitialResponse(Socks5AuthMethod.valueOf((byte) selection.method()));
        }
        if (message instanceof Socks5Message.Request request) {
            return new DefaultSocks5CommandRequest(Socks5CommandType.valueOf((byte) request.command()), type(request.type()),
                    request.host(), request.port());
        }
        Socks5Message.Reply reply = (Socks5Message.Reply) message;
        return new DefaultSocks5CommandResponse(Socks5CommandStatus.valueOf((byte) reply.status().code()), type(reply.type()),
                reply.host(), reply.port());
    }

    private static Socks5Message.AddressType type(Socks5AddressType type) {
        return type == Socks5AddressType.DOMAIN ? Socks5Message.AddressType.DOMAIN
                : type == Socks5AddressType.IPv6 ? Socks5Message.AddressType.IPV6 : Socks5Message.AddressType.IPV4;
    }

    private static Socks5AddressType type(Socks5Message.AddressType type) {
        return switch (type) {
            case DOMAIN -> Socks5AddressType.DOMAIN;
            case IPV6 -> Socks5AddressType.IPv6;
            case IPV4 -> Socks5AddressType.IPv4;
        };
    }
}
