package dev.starling.model.im;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <x xmlns='vcard-temp:x:update'/>} in presence (XEP-0153 §4.3): the SHA-1 of the avatar
 * in the sender's vCard, the empty string when the vCard has no image, or no {@code <photo/>} at
 * all when the client is not yet ready to advertise one.
 *
 * @param photo the hash in lowercase hex, "" for no image, none when not ready
 */
public record AvatarUpdate(Option<String> photo) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "vcard-temp:x:update";

    public AvatarUpdate {
        Objects.requireNonNull(photo, "photo");
    }

    /** Not ready to advertise an image (XEP-0153 Example 6). */
    public static AvatarUpdate notReady() {
        return new AvatarUpdate(Option.none());
    }
}
