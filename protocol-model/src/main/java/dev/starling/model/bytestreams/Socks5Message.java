package dev.starling.model.bytestreams;

import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The SOCKS5 messages a XEP-0065 bytestream uses (RFC 1928 §3, §4, §6), as values: the I/O shell
 * reads and writes them with Netty's SOCKS codec and the machines decide on them.
 */
public sealed interface Socks5Message {

    /** Authentication method "no authentication required" (RFC 1928 §3), the one XEP-0065 §5.3.3 uses. */
    int NO_AUTH = 0x00;
    /** "No acceptable methods" (RFC 1928 §3). */
    int NO_ACCEPTABLE_METHODS = 0xFF;
    /** The CONNECT command (RFC 1928 §4). */
    int CONNECT = 0x01;

    /** RFC 1928 §4 address types. */
    enum AddressType {
        IPV4, DOMAIN, IPV6
    }

    /** RFC 1928 §6 reply codes this engine sends or reads. */
    enum Status {
        SUCCEEDED(0x00), GENERAL_FAILURE(0x01), NOT_ALLOWED(0x02), HOST_UNREACHABLE(0x04), CONNECTION_REFUSED(0x05),
        COMMAND_NOT_SUPPORTED(0x07), ADDRESS_TYPE_NOT_SUPPORTED(0x08);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        /** The REP octet. */
        public int code() {
            return code;
        }
    }

    /** The client's version identifier/method selection message: the methods it supports. */
    record Greeting(Seq<Integer> methods) implements Socks5Message {
        public Greeting {
            Objects.requireNonNull(methods, "methods");
        }
    }

    /** The server's METHOD selection message. */
    record MethodSelection(int method) implements Socks5Message {
    }

    /** A request (RFC 1928 §4): command, destination address and port. */
    record Request(int command, AddressType type, String host, int port) implements Socks5Message {
        public Request {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(host, "host");
        }

        /** XEP-0065's CONNECT: the DST.ADDR hash as a domain name, port 0 (§5.3.2). */
        public static Request connect(String dstAddr) {
            return new Request(CONNECT, AddressType.DOMAIN, dstAddr, 0);
        }
    }

    /** A reply (RFC 1928 §6); XEP-0065 echoes the DST.ADDR as BND.ADDR with port 0 (§5.3.3). */
    record Reply(Status status, AddressType type, String host, int port) implements Socks5Message {
        public Reply {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(host, "host");
        }
    }
}
