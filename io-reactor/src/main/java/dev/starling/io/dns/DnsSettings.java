package dev.starling.io.dns;

import io.vavr.control.Option;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How {@link XmppEndpointResolver} asks DNS (RFC 1035 over UDP, TCP when a response is truncated).
 *
 * @param server       the recursive DNS server to ask; none for the platform's (e.g. {@code /etc/resolv.conf})
 * @param queryTimeout how long one query may take before it counts as failed
 */
public record DnsSettings(Option<InetSocketAddress> server, Duration queryTimeout) {

    /** The platform's DNS servers, 5 seconds per query. */
    public static DnsSettings platformDefault() {
        return new DnsSettings(Option.none(), Duration.ofSeconds(5));
    }
}
