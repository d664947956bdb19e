package dev.starling.conformance.corpus;

import java.util.List;
import java.util.Objects;

/**
 * The examples of one specification document.
 *
 * @param spec     "XEP-0065", "RFC 6120", ...
 * @param title    the document title
 * @param status   the XEP status (Final, Draft, Deprecated, ...) or "RFC"
 * @param examples the examples in document order
 */
public record SpecDocument(String spec, String title, String status, List<SpecExample> examples) {

    public SpecDocument {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        examples = List.copyOf(examples);
    }

    /** The file name the corpus stores this document under, e.g. {@code xep-0065.json}. */
    public String fileName() {
        return spec.toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace("rfc-", "rfc") + ".json";
    }
}
