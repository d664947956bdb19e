package dev.starling.machine.avatar;

import dev.starling.model.element.Element;
import dev.starling.model.im.AvatarUpdate;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The avatar update a vCard calls for (XEP-0153 §4.1, §4.3): the SHA-1, in lowercase hex, of the
 * image bytes in {@code <PHOTO><BINVAL/></PHOTO>} (base64, line breaks and spaces allowed), or an
 * empty {@code <photo/>} when the vCard has no image. A BINVAL that is not base64 counts as no
 * image.
 */
public final class AvatarHash {

    private AvatarHash() {
    }

    /** The update for this {@code <vCard xmlns='vcard-temp'/>}. */
    public static AvatarUpdate of(Element vcard) {
        Option<byte[]> image = vcard.element("vcard-temp", "PHOTO").flatMap(photo -> photo.element("vcard-temp", "BINVAL"))
                .map(binval -> binval.text().replaceAll("\\s", "")).filter(text -> !text.isEmpty())
                .flatMap(text -> Try.of(() -> Base64.getDecoder().decode(text)).toOption());
        return new AvatarUpdate(Option.some(image.map(AvatarHash::sha1).getOrElse("")));
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
