package dev.starling.codec.stanza;

import dev.starling.codec.CodecRegistry;

/** Registers the three stanza codecs of RFC 6120 §8 as top-level codecs. */
public final class StanzaCodecs {

    private StanzaCodecs() {
    }

    /** The registry with message, presence and iq added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withTopLevel(new MessageCodec())
                .withTopLevel(new PresenceCodec())
                .withTopLevel(new IqCodec());
    }
}
