package dev.starling.model.jingle;

import dev.starling.model.Extension;

import java.util.Objects;

/** The file-transfer application's {@code <description/>} (XEP-0234 §3). */
public record FileDescription(JingleFile file) implements JingleDescription, Extension {

    /** The namespace (XEP-0234 §11). */
    public static final String NAMESPACE = "urn:xmpp:jingle:apps:file-transfer:5";

    public FileDescription {
        Objects.requireNonNull(file, "file");
    }
}
