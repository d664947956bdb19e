package dev.starling.io.tls;

import dev.starling.model.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import io.vavr.control.Option;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * Netty's {@link SslHandler} that also keeps what the handshake tells beyond the {@code SSLSession}: the
 * {@code tls-exporter} channel binding (RFC 9266 §2) and whether the peer's certificate was refused by a policy
 * that makes client certificates optional (XEP-0178 §3). While the handshake runs, every call that can drive it
 * names this handler the receiver of {@link HandshakeCapture}; once it finished, they run as Netty's own.
 */
final class XmppSslHandler extends SslHandler {

    private volatile Option<Bytes> tlsExporter = Option.none();
    private volatile boolean peerCertificateRefused;

    XmppSslHandler(SSLEngine engine, boolean startTls, Executor delegatedTasks) {
        super(engine, startTls, delegatedTasks);
    }

    /** The {@code tls-exporter} value of the TLS 1.3 handshake, if one happened. */
    Option<Bytes> tlsExporter() {
        return tlsExporter;
    }

    /** Whether the peer presented a certificate that the trust policy refused (and the session ignores). */
    boolean peerCertificateRefused() {
        return peerCertificateRefused;
    }

    void exporterSecret(byte[] exporterMasterSecret) {
        tlsExporter = Option.some(Tls13Exporter.channelBinding(exporterMasterSecret));
    }

    void refusePeerCertificate() {
        peerCertificateRefused = true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws SSLException {
        if (handshakeFuture().isDone()) {
            super.decode(ctx, in, out);
        } else {
            HandshakeCapture.during(this, () -> super.decode(ctx, in, out));
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) throws Exception {
        if (handshakeFuture().isDone()) {
            super.flush(ctx);
        } else {
            HandshakeCapture.during(this, () -> super.flush(ctx));
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        HandshakeCapture.during(this, () -> super.handlerAdded(ctx));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        HandshakeCapture.during(this, () -> super.channelActive(ctx));
    }
}
