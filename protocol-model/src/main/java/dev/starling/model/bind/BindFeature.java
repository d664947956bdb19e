package dev.starling.model.bind;

import dev.starling.model.Extension;

/** The resource-binding stream feature, {@code <bind/>} in the features, RFC 6120 §7.4. */
public record BindFeature() implements Extension {
}
