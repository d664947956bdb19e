package dev.starling.model.stanza;

import dev.starling.model.Extension;

/**
 * A presence {@code <priority/>}, RFC 6121 §4.7.2.3: an integer from -128 to +127.
 *
 * @param value the priority
 */
public record Priority(int value) implements Extension {

    public Priority {
        if (value < -128 || value > 127) {
            throw new IllegalArgumentException("priority must be between -128 and 127 (RFC 6121 §4.7.2.3): " + value);
        }
    }
}
