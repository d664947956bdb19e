package dev.starling.machine.im;

import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The messages an account's server keeps while it is offline (XEP-0160), oldest first, each
 * under a node that names it in XEP-0013 requests, and the resources that asked for the queue
 * through XEP-0013 and so turned off the flood of stored messages at initial presence (§2.2).
 * A node is the XEP-0082 DateTime, with milliseconds, at which the message was stored, with a
 * suffix {@code -1}, {@code -2}, ... if that time is taken, so nodes sort in arrival order
 * (XEP-0013 §2.3 allows clients to order by them).
 *
 * @param messages   the stored messages, oldest first
 * @param retrieving the resources that used XEP-0013 in their session
 */
public record OfflineQueue(Seq<Stored> messages, Set<String> retrieving) {

    private static final DateTimeFormatter NODE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** An empty queue. */
    public static final OfflineQueue EMPTY = new OfflineQueue(Array.empty(), LinkedHashSet.empty());

    /**
     * A stored message.
     *
     * @param node    its name in the queue (XEP-0013 §2.3)
     * @param message the message, with its delay stamp
     */
    public record Stored(String node, Message message) {
        public Stored {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(message, "message");
        }
    }

    public OfflineQueue {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(retrieving, "retrieving");
    }

    /** The queue as the store holds it, with no resource retrieving. */
    public static OfflineQueue of(Seq<Stored> messages) {
        return new OfflineQueue(messages, LinkedHashSet.empty());
    }

    /** How many messages wait. */
    public int size() {
        return messages.size();
    }

    /** The node a message stored at this instant gets. */
    String nextNode(Instant now) {
        String base = NODE.format(now);
        String node = base;
        for (int suffix = 1; contains(node); suffix++) {
            node = base + "-" + suffix;
        }
        return node;
    }

    /** Whether a message has this node. */
    boolean contains(String node) {
        return messages.exists(stored -> stored.node().equals(node));
    }

    OfflineQueue append(Stored stored) {
        return new OfflineQueue(messages.append(stored), retrieving);
    }

    OfflineQueue without(Seq<String> nodes) {
        return new OfflineQueue(messages.filter(stored -> !nodes.contains(stored.node())), retrieving);
    }

    OfflineQueue retrievedBy(String resource) {
        return new OfflineQueue(messages, retrieving.add(resource));
    }

    /** The queue once a resource's session has ended. */
    OfflineQueue gone(String resource) {
        return new OfflineQueue(messages, retrieving.remove(resource));
    }
}
