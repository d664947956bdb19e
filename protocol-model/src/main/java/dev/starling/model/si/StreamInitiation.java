package dev.starling.model.si;

import dev.starling.model.Extension;
import dev.starling.model.form.DataForm;
import dev.starling.model.form.FieldOption;
import dev.starling.model.form.FieldType;
import dev.starling.model.form.FormField;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * XEP-0095's {@code <si/>}: an offer (with 'id', 'profile' and a XEP-0020 form whose
 * {@code stream-method} field lists the stream methods, §3.2) or an acceptance (a submitted form
 * naming the chosen method).
 *
 * @param id       the stream id, which the chosen method's session uses as its sid
 * @param mimeType the MIME type of the stream's content
 * @param profile  the profile's URI
 * @param file     the XEP-0096 file, for the file transfer profile
 * @param feature  the XEP-0020 {@code <feature/>}'s form
 */
public record StreamInitiation(Option<String> id, Option<String> mimeType, Option<String> profile, Option<FileTransfer> file,
                               Option<DataForm> feature) implements Extension {

    /** The namespace (XEP-0095 §6). */
    public static final String NAMESPACE = "http://jabber.org/protocol/si";
    /** XEP-0020's namespace. */
    public static final String FEATURE_NEG = "http://jabber.org/protocol/feature-neg";
    /** The form field naming the stream methods. */
    public static final String STREAM_METHOD = "stream-method";

    public StreamInitiation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(feature, "feature");
    }

    /** A file transfer offer of these stream methods, in the sender's order of preference. */
    public static StreamInitiation offer(String id, Option<String> mimeType, FileTransfer file, Seq<String> methods) {
        FormField field = FormField.of(STREAM_METHOD, FieldType.LIST_SINGLE).withOptions(methods.map(m -> new FieldOption(Option.none(), m)));
        return new StreamInitiation(Option.some(id), mimeType, Option.some(FileTransfer.NAMESPACE), Option.some(file),
                Option.some(DataForm.form(Array.of(field))));
    }

    /** An acceptance choosing this method, with the receiver's file element if it has one (a range). */
    public static StreamInitiation accept(String method, Option<FileTransfer> file) {
        return new StreamInitiation(Option.none(), Option.none(), Option.none(), file,
                Option.some(DataForm.submit(Array.of(new FormField(Option.some(STREAM_METHOD), Option.none(), Option.none(), Option.none(),
                        false, Array.of(method), Array.empty(), Array.empty())))));
    }

    /** The same element with another profile. */
    public StreamInitiation withProfile(String newProfile) {
        return new StreamInitiation(id, mimeType, Option.some(newProfile), file, feature);
    }

    /** The stream methods an offer lists, in order. */
    public Seq<String> offeredMethods() {
        return feature.flatMap(form -> form.field(STREAM_METHOD)).map(field -> field.options().map(FieldOption::value))
                .getOrElse(Array.empty());
    }

    /** The method an acceptance chose. */
    public Option<String> chosenMethod() {
        return feature.flatMap(form -> form.value(STREAM_METHOD));
    }
}
