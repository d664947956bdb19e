package dev.starling.io.tls;

import io.vavr.control.Option;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A server's check of client certificates that are optional (XEP-0178 §3: a client without a trusted
 * certificate authenticates some other way): a chain the policy refuses does not fail the handshake, it marks
 * the connection's {@link XmppSslHandler}, and the session goes on as if no certificate had been sent. Outside
 * a handler's handshake (an engine used on its own) a refusal fails as the policy says. Servers' chains are the
 * policy's to check.
 */
final class OptionalClientTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager policy;

    OptionalClientTrustManager(X509ExtendedTrustManager policy) {
        this.policy = policy;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            policy.checkClientTrusted(chain, authType, engine);
        } catch (CertificateException refused) {
            refuse(refused);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            policy.checkClientTrusted(chain, authType, socket);
        } catch (CertificateException refused) {
            refuse(refused);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            policy.checkClientTrusted(chain, authType);
        } catch (CertificateException refused) {
            refuse(refused);
        }
    }

    private static void refuse(CertificateException refused) throws CertificateException {
        Option<XmppSslHandler> handler = HandshakeCapture.current();
        if (handler.isEmpty()) {
            throw refused;
        }
        handler.get().refusePeerCertificate();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        policy.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        policy.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        policy.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return policy.getAcceptedIssuers();
    }
}
