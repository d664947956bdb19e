package dev.starling.machine.sasl;

import dev.starling.model.Bytes;

import java.util.Objects;

/**
 * Channel binding data that the TLS layer provides for the SCRAM -PLUS mechanisms (RFC 5802 §6,
 * RFC 5056): {@code tls-exporter} (RFC 9266, TLS 1.3) or {@code tls-server-end-point} (RFC 5929
 * §4, the hash of the server certificate).
 *
 * @param type the channel binding type name, as sent after {@code p=} in the GS2 header
 * @param data the channel binding data of this TLS connection
 */
public record ChannelBinding(String type, Bytes data) {

    /** RFC 9266: keying material exported from TLS 1.3. */
    public static final String TLS_EXPORTER = "tls-exporter";

    /** RFC 5929 §4: the hash of the server's certificate. */
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";

    public ChannelBinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!isValidTypeName(type)) {
            throw new IllegalArgumentException("not a channel binding type name (RFC 5802 §7 cb-name): " + type);
        }
    }

    /** {@code tls-exporter} binding data. */
    public static ChannelBinding tlsExporter(Bytes data) {
        return new ChannelBinding(TLS_EXPORTER, data);
    }

    /** {@code tls-server-end-point} binding data. */
    public static ChannelBinding tlsServerEndPoint(Bytes data) {
        return new ChannelBinding(TLS_SERVER_END_POINT, data);
    }

    /** RFC 5802 §7: {@code cb-name = 1*(ALPHA / DIGIT / "." / "-")}. */
    static boolean isValidTypeName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alpha && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }
}
