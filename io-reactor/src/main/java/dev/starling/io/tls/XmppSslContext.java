package dev.starling.io.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.internal.tcnative.SSLContext;
import io.netty.util.concurrent.ImmediateExecutor;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

/**
 * A Netty BoringSSL {@link SslContext} whose handlers are {@link XmppSslHandler}s, with {@link ExporterKeyLog}
 * as the native context's key log, so that {@link ChannelBindings} finds each connection's {@code tls-exporter}
 * value (RFC 9266). Engines are BoringSSL's own, so Netty's handler keeps its native fast path. Handlers from
 * {@code newHandler(alloc, domain, port)} and {@code newHandler(alloc)} both work; STARTTLS (RFC 6120 §5.4.3.3)
 * adds them after {@code <proceed/>} was written.
 */
final class XmppSslContext extends SslContext {

    private final ReferenceCountedOpenSslContext delegate;

    private XmppSslContext(ReferenceCountedOpenSslContext delegate) {
        this.delegate = delegate;
    }

    /**
     * {@code delegate} with {@link ExporterKeyLog} as its key log. tcnative's context functions take its own
     * context structure, which Netty keeps in the protected field {@code ctx} and does not hand out.
     */
    static Either<String, SslContext> over(ReferenceCountedOpenSslContext delegate) {
        return Try.of(() -> {
            Field context = ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
            context.setAccessible(true);
            return context.getLong(delegate);
        }).toEither().mapLeft(e -> "cannot install the key log on Netty's BoringSSL context: " + e)
                .filterOrElse(pointer -> SSLContext.setKeyLogCallback(pointer, ExporterKeyLog.INSTANCE),
                        pointer -> "BoringSSL refused the key log callback")
                .map(pointer -> new XmppSslContext(delegate));
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
        return delegate.newEngine(alloc);
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        return delegate.newEngine(alloc, peerHost, peerPort);
    }

    @Override
    public SSLSessionContext sessionContext() {
        return delegate.sessionContext();
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls) {
        return newHandler(alloc, startTls, ImmediateExecutor.INSTANCE);
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
        return new XmppSslHandler(newEngine(alloc), startTls, executor);
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls) {
        return newHandler(alloc, peerHost, peerPort, startTls, ImmediateExecutor.INSTANCE);
    }

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, String peerHost, int peerPort, boolean startTls,
                                    Executor executor) {
        return new XmppSslHandler(newEngine(alloc, peerHost, peerPort), startTls, executor);
    }
}
