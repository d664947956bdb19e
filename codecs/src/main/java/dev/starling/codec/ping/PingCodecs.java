package dev.starling.codec.ping;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.QName;
import dev.starling.model.ping.Ping;

/** XEP-0199 ping: {@code <ping xmlns='urn:xmpp:ping'/>}. */
public final class PingCodecs {

    /** The ping payload's name. */
    public static final QName PING = QName.of("urn:xmpp:ping", "ping");

    private PingCodecs() {
    }

    /** The registry with the ping payload added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(FunctionalCodec.empty(PING, Ping.class, new Ping()));
    }
}
