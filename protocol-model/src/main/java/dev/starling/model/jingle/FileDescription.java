package dev.starling.model.jingle;

import dev.starling.model.Extension;

import java.util.Objects;

/** The file-transfer application's {@code <description/>} (XEP-0234 §3). */
public record FileDescription(JingleFile file) implements JingleDescription, Extension {

    /** The namespace (XEP-0234 §11). */
    public static final String NAMESPACE = "urn:xmpp:jingle:apps:file-transfer:5";

    /** The namespace of XEP-0234's application-specific reasons, such as {@code <file-too-large/>} (§7.2). */
    public static final String ERRORS_NAMESPACE = "urn:xmpp:jingle:apps:file-transfer:errors:0";

    public FileDescription {
        Objects.requireNonNull(file, "file");
    }
}
