package dev.starling.codec;

import java.util.Objects;

/**
 * What a codec may need beyond the element: the content namespace of the stream it travels on
 * (stanzas and their core children live in it, RFC 6120 §4.8.2) and the registry, for nested
 * values.
 *
 * @param contentNamespace {@code jabber:client}, {@code jabber:server} or
 *                         {@code jabber:component:accept}
 * @param registry         the registry the codec was found in
 */
public record CodecContext(String contentNamespace, CodecRegistry registry) {

    public CodecContext {
        Objects.requireNonNull(contentNamespace, "contentNamespace");
        Objects.requireNonNull(registry, "registry");
    }
}
