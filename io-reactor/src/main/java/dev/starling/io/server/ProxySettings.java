package dev.starling.io.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The server's XEP-0065 bytestream proxy (§6): its JID is {@code <subdomain>.<domain>}.
 *
 * @param subdomain      the first label of the proxy's JID ({@code proxy})
 * @param host           the address its SOCKS5 listener binds
 * @param announcedHost  the address it announces in its streamhost (§4): the host itself unless
 *                       clients reach it through another address
 * @param port           its port (7777 as in the seed; 0 for any free port)
 * @param maxPending     how many connections may wait for activation at once
 * @param idle           how long a connection may wait for activation
 * @param handshake      how long a client may take to finish the SOCKS5 handshake
 */
public record ProxySettings(String subdomain, String host, String announcedHost, int port, int maxPending, Duration idle, Duration handshake) {
    public ProxySettings {
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(announcedHost, "announcedHost");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(handshake, "handshake");
    }

    /** {@code proxy} on 127.0.0.1:7777, 256 waiting connections, 60 s to be activated, 10 s to greet. */
    public static ProxySettings defaults() {
        return new ProxySettings("proxy", "127.0.0.1", "127.0.0.1", 7777, 256, Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    /** The same proxy on another port. */
    public ProxySettings withPort(int newPort) {
        return new ProxySettings(subdomain, host, announcedHost, newPort, maxPending, idle, handshake);
    }

    /** The same proxy with other limits. */
    public ProxySettings withLimits(int pending, Duration activation) {
        return new ProxySettings(subdomain, host, announcedHost, port, pending, activation, handshake);
    }

    /** The same proxy announcing another address than the one it binds. */
    public ProxySettings withAnnouncedHost(String address) {
        return new ProxySettings(subdomain, host, address, port, maxPending, idle, handshake);
    }
}
