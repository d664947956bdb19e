package dev.starling.machine.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The XEP-0078 §2 digest: SHA-1 of the stream id followed by the password (UTF-8, not
 * XML-escaped), as lowercase hex. Example 4: stream id {@code 3EE948B0} and password
 * {@code Calli0pe} give {@code 48fc78be9ec8f86d8ce1c39c320c97c21d62334d}.
 */
public final class LegacyDigest {

    private LegacyDigest() {
    }

    /** The digest of this stream id and password. */
    public static String of(String streamId, String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest((streamId + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
