package dev.starling.model.offline;

import dev.starling.model.Extension;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code <offline xmlns='http://jabber.org/protocol/offline'/>} element of XEP-0013: in an IQ
 * get or set, a request to view or remove messages by node, to fetch all or to purge all; in a
 * message the server hands over, the node that message has in the account's queue (§2.4).
 */
public sealed interface OfflineRetrieval extends Extension {

    /** The namespace, which is also the service discovery node of the queue (XEP-0013 §2.2). */
    String NAMESPACE = "http://jabber.org/protocol/offline";

    /** What a request does with an item (XEP-0013 §2.4, §2.5). */
    enum Action {
        /** Send the message again, marked with its node. */
        VIEW,
        /** Forget the message. */
        REMOVE
    }

    /**
     * A message in the queue, by node, with what to do with it; no action in a message's marker.
     *
     * @param node   the message's identifier in the queue
     * @param action what the request asks, none in a marker
     */
    record Item(String node, Option<Action> action) {
        public Item {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * Items: view (a get) or remove (a set) these messages, or, in a message, its node.
     *
     * @param items the items, in document order
     */
    record Items(Seq<Item> items) implements OfflineRetrieval {
        public Items {
            Objects.requireNonNull(items, "items");
        }
    }

    /** {@code <fetch/>}: send every stored message (XEP-0013 §2.6). */
    record Fetch() implements OfflineRetrieval {
    }

    /** {@code <purge/>}: forget every stored message (XEP-0013 §2.7). */
    record Purge() implements OfflineRetrieval {
    }
}
