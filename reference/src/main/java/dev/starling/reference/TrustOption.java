package dev.starling.reference;

import dev.starling.io.tls.TrustPolicy;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;

import java.nio.file.Path;

/**
 * The {@code --trust} option: {@code system} (the JDK's CAs), {@code data:DIR} (pin the reference
 * server's certificate from its data directory), {@code insecure} (tests only: trust anything), or
 * the path of a PEM or PKCS12 trust store.
 */
final class TrustOption {

    private TrustOption() {
    }

    static TrustPolicy parse(String value, Jid domain) {
        if (value.equals("system")) {
            return TrustPolicy.system();
        }
        if (value.equals("insecure")) {
            return TrustPolicy.insecureTrustAllForTestsOnly();
        }
        if (value.startsWith("data:")) {
            var certificate = ReferenceServer.certificate(Path.of(value.substring(5)), domain).certificate();
            return TrustPolicy.pinned(Array.of(TrustPolicy.pinOf(certificate)));
        }
        return TrustPolicy.trustStore(Path.of(value));
    }
}
