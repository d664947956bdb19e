package dev.starling.io.tls;

import dev.starling.io.session.TlsSetup;
import dev.starling.machine.sasl.ChannelBinding;
import dev.starling.machine.session.SessionInput;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * The session runner's TLS for clients and servers, from the contexts {@link TrustPolicy}
 * builds. The client's context verifies the server's XMPP identity during the handshake (RFC 6125,
 * RFC 7590, through {@link XmppIdentityVerifier}) against the domain it sends as SNI; afterwards
 * both sides report their channel bindings (RFC 5929, RFC 9266), and the server the JIDs of a
 * verified client certificate (id-on-xmppAddr, for SASL EXTERNAL, XEP-0178 §3).
 */
public final class TlsSetups {

    private TlsSetups() {
    }

    /** TLS for a client connecting to {@code domain}: SNI and identity verification use the domain. */
    public static TlsSetup client(SslContext context, String domain) {
        return new TlsSetup() {
            @Override
            public SslHandler newHandler(Channel channel) {
                return context.newHandler(channel.alloc(), domain, 5222);
            }

            @Override
            public SessionInput established(SslHandler handler) {
                return new SessionInput.TlsEstablished(bindings(handler), Array.empty());
            }
        };
    }

    /** TLS for the server side of client streams. */
    public static TlsSetup server(SslContext context) {
        return new TlsSetup() {
            @Override
            public SslHandler newHandler(Channel channel) {
                return context.newHandler(channel.alloc());
            }

            @Override
            public SessionInput established(SslHandler handler) {
                return new SessionInput.TlsEstablished(bindings(handler), clientIdentities(handler));
            }
        };
    }

    /**
     * TLS for this server's stream to a peer server: SNI and the identity check use the peer's
     * domain, and {@code context} presents this server's certificate (SASL EXTERNAL, XEP-0178 §4).
     */
    public static TlsSetup federationClient(SslContext context, String peerDomain) {
        return new TlsSetup() {
            @Override
            public SslHandler newHandler(Channel channel) {
                return context.newHandler(channel.alloc(), peerDomain, 5269);
            }

            @Override
            public SessionInput established(SslHandler handler) {
                return new SessionInput.TlsEstablished(bindings(handler), Array.empty());
            }
        };
    }

    /**
     * TLS for a stream from a peer server; {@code context} must request client certificates, and
     * the machine gets the domains a verified one names ({@link PresentedIdentifiers#serverDomains()}).
     */
    public static TlsSetup federationServer(SslContext context) {
        return new TlsSetup() {
            @Override
            public SslHandler newHandler(Channel channel) {
                return context.newHandler(channel.alloc());
            }

            @Override
            public SessionInput established(SslHandler handler) {
                return new SessionInput.TlsEstablished(bindings(handler),
                        peerCertificate(handler).map(leaf -> PresentedIdentifiers.of(leaf).serverDomains()).getOrElse(Array.empty()));
            }
        };
    }

    private static Seq<ChannelBinding> bindings(SslHandler handler) {
        return ChannelBindings.of(handler).available().map(binding -> new ChannelBinding(binding._1, binding._2));
    }

    private static Seq<String> clientIdentities(SslHandler handler) {
        return peerCertificate(handler).map(leaf -> PresentedIdentifiers.of(leaf).xmppAddrs()).getOrElse(Array.empty());
    }

    /** The peer's verified leaf certificate, if it presented one that the trust policy did not refuse. */
    private static Option<X509Certificate> peerCertificate(SslHandler handler) {
        if (handler instanceof XmppSslHandler xmpp && xmpp.peerCertificateRefused()) {
            return Option.none();
        }
        try {
            Certificate[] chain = handler.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Option.some(leaf) : Option.none();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return Option.none();
        }
    }
}
