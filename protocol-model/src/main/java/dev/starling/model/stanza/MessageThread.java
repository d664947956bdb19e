package dev.starling.model.stanza;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A message {@code <thread/>}, RFC 6121 §5.2.5, with the optional {@code parent} attribute used
 * by XEP-0201 for sub-threads.
 *
 * @param id     the thread identifier (the element's character data)
 * @param parent the parent thread's identifier
 */
public record MessageThread(String id, Option<String> parent) implements Extension {

    public MessageThread {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parent, "parent");
    }

    /** A thread without a parent. */
    public static MessageThread of(String id) {
        return new MessageThread(id, Option.none());
    }
}
