package dev.starling.io.tls;

import io.netty.internal.tcnative.KeyLogCallback;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * BoringSSL's key log (the NSS key log format) read for one line only: {@code EXPORTER_SECRET <client random>
 * <secret>}, the exporter_master_secret of a TLS 1.3 handshake (RFC 8446 §7.1), which goes to the handler of
 * the handshake running on this thread ({@link HandshakeCapture}) to compute {@code tls-exporter} (RFC 9266)
 * from. Nothing is written anywhere, and the other secrets are not looked at.
 */
final class ExporterKeyLog implements KeyLogCallback {

    static final ExporterKeyLog INSTANCE = new ExporterKeyLog();

    private static final String EXPORTER_SECRET = "EXPORTER_SECRET ";

    private ExporterKeyLog() {
    }

    @Override
    public void handle(long ssl, byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII);
        if (!text.startsWith(EXPORTER_SECRET)) {
            return;
        }
        String[] fields = text.trim().split(" ");
        if (fields.length == 3) {
            byte[] secret = HexFormat.of().parseHex(fields[2]);
            HandshakeCapture.current().forEach(handler -> handler.exporterSecret(secret));
        }
    }
}
