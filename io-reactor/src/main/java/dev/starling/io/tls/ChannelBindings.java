package dev.starling.io.tls;

import dev.starling.model.Bytes;
import io.netty.handler.ssl.SslHandler;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * The channel bindings of a finished TLS handshake (RFC 5056), for the SASL -PLUS mechanisms (RFC 5802 §6;
 * XEP-0440 advertises the types a server supports). Both sides of one connection compute the same bytes.
 *
 * <ul>
 *   <li>{@code tls-exporter} (RFC 9266 §2): 32 bytes of the TLS keying material exporter (RFC 8446 §7.5)
 *       with label "EXPORTER-Channel-Binding" and an empty context. TLS 1.3 only, and only on handlers of
 *       {@link TrustPolicy}'s contexts, which compute it from BoringSSL's exporter secret during the handshake
 *       ({@link XmppSslHandler}); the JDK 17 JSSE has no exporter.</li>
 *   <li>{@code tls-server-end-point} (RFC 5929 §4.1): the hash of the server certificate, on any engine
 *       whose server certificate has a signature algorithm with one hash function.</li>
 * </ul>
 *
 * @param tlsExporter       the {@code tls-exporter} data, if available
 * @param tlsServerEndPoint the {@code tls-server-end-point} data, if defined
 */
public record ChannelBindings(Option<Bytes> tlsExporter, Option<Bytes> tlsServerEndPoint) {

    /** The channel binding type name of RFC 9266 §2 (IANA "Channel-Binding Types"). */
    public static final String TLS_EXPORTER = "tls-exporter";

    /** The channel binding type name of RFC 5929 §4. */
    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";

    private static final String TLS_1_3 = "TLSv1.3";

    /**
     * The bindings of {@code handler}'s connection; call it after the handshake finished (Netty's
     * {@code SslHandler.handshakeFuture()}). On the client the server certificate is the peer's, on the
     * server it is the local one.
     */
    public static ChannelBindings of(SslHandler handler) {
        SSLEngine engine = handler.engine();
        SSLSession session = engine.getSession();
        Option<X509Certificate> serverCertificate = engine.getUseClientMode()
                ? Try.of(session::getPeerCertificates).toOption().flatMap(ChannelBindings::leaf)
                : Option.of(session.getLocalCertificates()).flatMap(ChannelBindings::leaf);
        return new ChannelBindings(exporter(handler, session), serverCertificate.flatMap(ServerEndPoint::of));
    }

    /** The available bindings as (type, data), strongest first: {@code tls-exporter}, then {@code tls-server-end-point}. */
    public Seq<Tuple2<String, Bytes>> available() {
        return tlsExporter.map(data -> Tuple.of(TLS_EXPORTER, data)).toList()
                .appendAll(tlsServerEndPoint.map(data -> Tuple.of(TLS_SERVER_END_POINT, data)));
    }

    private static Option<Bytes> exporter(SslHandler handler, SSLSession session) {
        return handler instanceof XmppSslHandler xmpp && TLS_1_3.equals(session.getProtocol())
                ? xmpp.tlsExporter()
                : Option.none();
    }

    private static Option<X509Certificate> leaf(Certificate[] chain) {
        return Array.of(chain).headOption().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast);
    }
}
