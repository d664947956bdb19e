package dev.starling.model.bytestreams;

import dev.starling.model.jid.Jid;

import java.util.Objects;

/**
 * A {@code <streamhost/>}: where a bytestream can be reached (XEP-0065 §5.3.1, §6.3.1, §4).
 *
 * @param jid  the streamhost's JID (the requester itself for a direct connection, or a proxy)
 * @param host its address, an IP address or a host name
 * @param port its TCP port, 1 to 65535
 */
public record Streamhost(Jid jid, String host, int port) {
    public Streamhost {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("a streamhost has a host and a port of 1 to 65535: " + host + ":" + port);
        }
    }
}
