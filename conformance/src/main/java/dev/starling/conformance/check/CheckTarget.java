package dev.starling.conformance.check;

import dev.starling.io.session.TlsSetup;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The server to check and the account to check it with.
 *
 * @param server    the STARTTLS address
 * @param directTls the XEP-0368 direct TLS address, if the server has one
 * @param jid       the account (bare)
 * @param password  its password
 * @param tls       how the client verifies the server's certificate
 */
public record CheckTarget(InetSocketAddress server, Option<InetSocketAddress> directTls, Jid jid, String password, TlsSetup tls) {

    public CheckTarget {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(directTls, "directTls");
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
    }
}
