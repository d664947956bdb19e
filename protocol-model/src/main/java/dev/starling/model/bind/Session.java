package dev.starling.model.bind;

import dev.starling.model.Extension;

/** The legacy {@code <session/>} IQ payload of RFC 3921 §3. */
public record Session() implements Extension {
}
