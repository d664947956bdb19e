package dev.starling.io.client;

import dev.starling.io.session.SessionSettings;
import dev.starling.machine.stream.client.ClientConfig;
import io.vavr.control.Option;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How a client connects.
 *
 * @param machine        the session machine's configuration (JID, password, TLS and SASL policy)
 * @param server         where to connect; none resolves the domain's SRV records (RFC 6120 §3.2)
 * @param directTls      whether the explicit server address speaks TLS from the first byte (XEP-0368)
 * @param session        the runner's settings (limits, codecs, clock, randomness)
 * @param connectTimeout how long one TCP connection attempt may take
 * @param attempts       how many connection attempts before giving up (exponential backoff with jitter between them)
 * @param firstBackoff   the delay before the second attempt
 */
public record ClientSettings(ClientConfig machine, Option<InetSocketAddress> server, boolean directTls, SessionSettings session,
                             Duration connectTimeout, int attempts, Duration firstBackoff) {

    public ClientSettings {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Connect to this address with default limits, a 10 s connect timeout and a single attempt. */
    public static ClientSettings of(ClientConfig machine, InetSocketAddress server) {
        return new ClientSettings(machine, Option.some(server), false, SessionSettings.defaults(), Duration.ofSeconds(10), 1,
                Duration.ofMillis(500));
    }

    /** The same settings with another machine configuration. */
    public ClientSettings withMachine(ClientConfig config) {
        return new ClientSettings(config, server, directTls, session, connectTimeout, attempts, firstBackoff);
    }

    public ClientSettings withDirectTls(boolean direct) {
        return new ClientSettings(machine, server, direct, session, connectTimeout, attempts, firstBackoff);
    }

    public ClientSettings withAttempts(int count, Duration first) {
        return new ClientSettings(machine, server, directTls, session, connectTimeout, count, first);
    }
}
