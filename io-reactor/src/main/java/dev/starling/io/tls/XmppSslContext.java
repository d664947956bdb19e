package dev.starling.io.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

/**
 * A Netty {@link SslContext} whose engines are {@link XmppSslEngine}s around those of a JDK-engine context
 * on the BouncyCastle JSSE provider, so that {@link ChannelBindings} finds their {@code tls-exporter} value
 * (RFC 9266). Handlers from {@code newHandler(alloc, domain, port)} and
 * {@code new SslHandler(newEngine(alloc, domain, port), true)} (STARTTLS, RFC 6120 §5.4.3.3) both work.
 */
final class XmppSslContext extends SslContext {

    private final SslContext delegate;

    XmppSslContext(SslContext delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isClient() {
        return delegate.isClient();
    }

    @Override
    public List<String> cipherSuites() {
        return delegate.cipherSuites();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return delegate.applicationProtocolNegotiator();
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        return new XmppSslEngine(delegate.newEngine(alloc));
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        return new XmppSslEngine(delegate.newEngine(alloc, peerHost, peerPort));
    }

    @Override
    public SSLSessionContext sessionContext() {
        return delegate.sessionContext();
    }
}
