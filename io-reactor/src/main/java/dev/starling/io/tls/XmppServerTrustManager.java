package dev.starling.io.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Adds the XMPP identity check of RFC 6120 §13.7.2.1 to a trust manager: after the delegate accepts the
 * server's chain, its leaf must identify the engine's peer host, which is the XMPP domain the client asked
 * for (never the SRV target host, RFC 6125 §6.2.1). The JDK's own host-name check (endpoint identification
 * "HTTPS") is switched off in the {@code SslContext}: it knows neither SRV-IDs nor XmppAddrs. It is
 * used on the client side only, and only {@link SSLEngine} connections carry the domain: the other methods
 * refuse.
 */
final class XmppServerTrustManager extends X509ExtendedTrustManager {

    private static final String ENGINE_ONLY = "XMPP identities are verified on SSLEngine connections only";
    private static final String CLIENT_SIDE_ONLY = "this trust manager checks servers, on the client side";

    private final X509ExtendedTrustManager delegate;

    XmppServerTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        String domain = engine.getPeerHost();
        if (domain == null) {
            throw new CertificateException("the SSLEngine was created without the XMPP domain as its peer host");
        }
        var verified = XmppIdentityVerifier.verify(chain[0], domain);
        if (verified.isLeft()) {
            throw new CertificateException(verified.getLeft());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException(ENGINE_ONLY);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException(ENGINE_ONLY);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException(CLIENT_SIDE_ONLY);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException(CLIENT_SIDE_ONLY);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException(CLIENT_SIDE_ONLY);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
