package dev.starling.machine.caps;

import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.Identity;
import dev.starling.model.element.Element;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;

/**
 * The XEP-0115 verification string of a disco#info result (§5.1): identities sorted by category,
 * type and language as {@code category/type/lang/name<}, then features, then the XEP-0128 forms by
 * FORM_TYPE with their fields by var and values sorted, all in "i;octet" order (UTF-8 bytes),
 * hashed and Base64-encoded. A result that §5.4 calls ill-formed (a duplicate identity, feature or
 * FORM_TYPE, or a FORM_TYPE with several values) has no verification string; forms without a
 * hidden FORM_TYPE are left out, as §5.4 says.
 */
public final class CapsVerification {

    private static final String DATA = "jabber:x:data";
    private static final Comparator<String> OCTETS = (a, b) -> compareBytes(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private CapsVerification() {
    }

    /** The verification string with SHA-1 (the hash every implementation supports), or why the result is ill-formed. */
    public static Either<String, String> sha1(DiscoInfo info) {
        return string(info).map(s -> hash("SHA-1", s));
    }

    /** The string S of §5.1 before hashing, or why the result is ill-formed (§5.4). */
    public static Either<String, String> string(DiscoInfo info) {
        Seq<String> identities = info.identities().map(CapsVerification::identity);
        if (identities.distinct().size() != identities.size()) {
            return Either.left("two identities with the same category/type/lang/name");
        }
        if (info.features().distinct().size() != info.features().size()) {
            return Either.left("the same feature twice");
        }
        Seq<Element> forms = info.extensions().filter(e -> e.is(DATA, "x") && formType(e).exists(t -> t.hidden));
        Seq<String> types = forms.map(f -> formType(f).get().value);
        if (types.distinct().size() != types.size() || forms.exists(f -> formType(f).get().value == null)) {
            return Either.left("two forms with the same FORM_TYPE, or a FORM_TYPE with several values");
        }
        StringBuilder s = new StringBuilder();
        identities.sorted(OCTETS).forEach(identity -> s.append(identity).append('<'));
        info.features().sorted(OCTETS).forEach(feature -> s.append(feature).append('<'));
        forms.sortBy(OCTETS, f -> formType(f).get().value).forEach(form -> {
            s.append(formType(form).get().value).append('<');
            form.elements(dev.starling.model.element.QName.of(DATA, "field"))
                    .filter(field -> !field.attribute("var").contains("FORM_TYPE"))
                    .sortBy(OCTETS, field -> field.attribute("var").getOrElse(""))
                    .forEach(field -> {
                        s.append(field.attribute("var").getOrElse("")).append('<');
                        field.elements(dev.starling.model.element.QName.of(DATA, "value")).map(Element::text).sorted(OCTETS)
                                .forEach(value -> s.append(value).append('<'));
                    });
        });
        return Either.right(s.toString());
    }

    private static String identity(Identity identity) {
        return identity.category() + "/" + identity.type() + "/" + identity.lang().getOrElse("") + "/" + identity.name().getOrElse("");
    }

    /** A form's FORM_TYPE: its one value (null if several differ) and whether the field is hidden. */
    private record FormType(String value, boolean hidden) {
    }

    private static Option<FormType> formType(Element form) {
        return form.elements(dev.starling.model.element.QName.of(DATA, "field")).find(f -> f.attribute("var").contains("FORM_TYPE"))
                .map(field -> {
                    Seq<String> values = field.elements(dev.starling.model.element.QName.of(DATA, "value")).map(Element::text).distinct();
                    return new FormType(values.size() == 1 ? values.head() : null, field.attribute("type").contains("hidden"));
                });
    }

    private static String hash(String algorithm, String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    private static int compareBytes(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int diff = (a[i] & 0xff) - (b[i] & 0xff);
            if (diff != 0) {
                return diff;
            }
        }
        return a.length - b.length;
    }
}
