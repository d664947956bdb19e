package dev.starling.model.stream;

import dev.starling.model.Extension;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <stream:features/>}, RFC 6120 §4.3.2: the features the receiving entity offers, typed
 * where a codec knows them (STARTTLS, SASL mechanisms, bind, session) and generic otherwise.
 *
 * @param features the advertised features, in document order
 */
public record StreamFeatures(Seq<Extension> features) implements StreamElement {

    public StreamFeatures {
        Objects.requireNonNull(features, "features");
    }

    /** Features with these children. */
    public static StreamFeatures of(Extension... features) {
        return new StreamFeatures(Array.of(features));
    }

    /** The first feature of the given type. */
    public <T extends Extension> Option<T> feature(Class<T> type) {
        for (Extension e : features) {
            if (type.isInstance(e)) {
                return Option.some(type.cast(e));
            }
        }
        return Option.none();
    }

    /** Whether nothing is offered (negotiation is complete, RFC 6120 §4.3.5). */
    public boolean isEmpty() {
        return features.isEmpty();
    }
}
