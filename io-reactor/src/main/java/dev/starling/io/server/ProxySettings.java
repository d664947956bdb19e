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
 * @param relayIdle      how long an activated pair may carry no byte either way before both
 *                       connections are closed (a stalled or abandoned transfer holds nothing for long)
 */
public record ProxySettings(String subdomain, String host, String announcedHost, int port, int maxPending, Duration idle, Duration handshake,
                            Duration relayIdle) {
    public ProxySettings {
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(announcedHost, "announcedHost");
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(relayIdle, "relayIdle");
    }

    /** {@code proxy} on 127.0.0.1:7777, 256 waiting connections, 60 s to be activated, 10 s to greet, 60 s of silence once relaying. */
    public static ProxySettings defaults() {
        return new ProxySettings("proxy", "127.0.0.1", "127.0.0.1", 7777, 256, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    /** The same proxy on another port. */
    public ProxySettings withPort(int newPort) {
        return new ProxySettings(subdomain, host, announcedHost, newPort, maxPending, idle, handshake, relayIdle);
    }

    /** The same proxy with other limits. */
    public ProxySettings withLimits(int pending, Duration activation) {
        return new ProxySettings(subdomain, host, announcedHost, port, pending, activation, handshake, relayIdle);
    }

    /** The same proxy closing a relay after this long without a byte. */
    public ProxySettings withRelayIdle(Duration silence) {
        return new ProxySettings(subdomain, host, announcedHost, port, maxPending, idle, handshake, silence);
    }

    /** The same proxy on another address. */
    public ProxySettings on(String bindHost) {
        return new ProxySettings(subdomain, bindHost, bindHost, port, maxPending, idle, handshake, relayIdle);
    }

    /** The same proxy announcing another address than the one it binds. */
    public ProxySettings withAnnouncedHost(String address) {
        return new ProxySettings(subdomain, host, address, port, maxPending, idle, handshake, relayIdle);
    }
}
