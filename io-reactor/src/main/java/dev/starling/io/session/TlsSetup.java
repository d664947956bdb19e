package dev.starling.io.session;

import dev.starling.machine.session.SessionInput;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;

/**
 * How a session's connection gets TLS: a fresh handler for the connection (client or server
 * mode), and, once its handshake succeeded, the facts the machine needs (channel bindings, the
 * peer certificate's identities) or why the peer must be refused (e.g. a server certificate that
 * does not name the XMPP domain, RFC 6125).
 */
public interface TlsSetup {

    /** A new TLS handler for this channel. */
    SslHandler newHandler(Channel channel);

    /** After a successful handshake: {@link SessionInput.TlsEstablished} or {@link SessionInput.TlsFailed}. */
    SessionInput established(SslHandler handler);
}
