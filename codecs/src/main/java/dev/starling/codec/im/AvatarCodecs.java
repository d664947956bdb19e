package dev.starling.codec.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.im.AvatarUpdate;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** The vCard-based avatar update of XEP-0153 in presence: {@code <x xmlns='vcard-temp:x:update'><photo>hash</photo></x>}. */
public final class AvatarCodecs {

    private static final QName UPDATE = QName.of(AvatarUpdate.NAMESPACE, "x");
    private static final QName PHOTO = QName.of(AvatarUpdate.NAMESPACE, "photo");

    private AvatarCodecs() {
    }

    /** The registry with the update added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(UPDATE), AvatarUpdate.class,
                (element, context) -> Either.right(new AvatarUpdate(element.element(PHOTO).map(photo -> photo.text().strip()))),
                (update, context) -> {
                    Element.Builder x = Element.builder(UPDATE);
                    update.photo().forEach(hash -> x.child(Element.builder(PHOTO).text(hash).build()));
                    return x.build();
                }));
    }
}
