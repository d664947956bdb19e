package dev.starling.conformance.im;

import dev.starling.machine.avatar.AvatarHash;
import dev.starling.model.element.Element;
import dev.starling.model.stanza.Iq;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static dev.starling.conformance.im.ExampleStanzas.stanzas;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0153 §4.1: the hash is the SHA-1 of the image bytes, not of their base64 text. Example 1's
 * vCard carries a placeholder ("Base64-encoded-avatar-file-here!") that is no base64, so the
 * image here is the three bytes "abc", whose SHA-1 is FIPS 180's first test vector, placed in
 * Example 1's vCard with the line breaks base64 in XML usually has.
 */
class AvatarHashTest {

    private static final String SHA1_OF_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";

    @Test
    void theHashIsTheSha1OfTheDecodedImage() {
        Element vcard = example1Vcard();
        Element photo = vcard.element("vcard-temp", "PHOTO").get();
        Element binval = photo.element("vcard-temp", "BINVAL").get();
        String encoded = Base64.getEncoder().encodeToString("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Element withImage = vcard.replaceChildren(vcard.elements().map(child -> child.equals(photo)
                ? photo.replaceChildren(photo.elements().map(c -> c.equals(binval)
                        ? Element.builder("vcard-temp", "BINVAL").text("\n  " + encoded.substring(0, 2) + "\n  " + encoded.substring(2) + "\n").build() : c))
                : child));
        assertThat(AvatarHash.of(withImage).photo()).contains(SHA1_OF_ABC);
    }

    @Test
    void aVcardWithoutAnImageOrWithExample1sPlaceholderAdvertisesNone() {
        assertThat(AvatarHash.of(Element.of("vcard-temp", "vCard")).photo()).as("Example 7: an empty photo").contains("");
        assertThat(AvatarHash.of(example1Vcard()).photo()).as("not base64").contains("");
    }

    private static Element example1Vcard() {
        return ((Element) ((Iq) stanzas("xep-0153", 1).head()).payload().map(p -> p instanceof Element e ? e : null).get());
    }
}
