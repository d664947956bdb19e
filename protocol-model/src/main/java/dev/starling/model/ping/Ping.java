package dev.starling.model.ping;

import dev.starling.model.Extension;

/** The {@code <ping xmlns='urn:xmpp:ping'/>} IQ payload, XEP-0199 §3; the answer is an empty result. */
public record Ping() implements Extension {
}
