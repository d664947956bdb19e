package dev.starling.model.jingle;

/** A content's application: file transfer here, or another application kept as its element. */
public sealed interface JingleDescription permits FileDescription, JingleDescription.Other {

    /** An application this engine does not model. */
    record Other(dev.starling.model.element.Element element) implements JingleDescription {
    }
}
