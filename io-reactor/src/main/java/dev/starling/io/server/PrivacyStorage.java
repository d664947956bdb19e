package dev.starling.io.server;

import dev.starling.codec.CodecRegistry;
import dev.starling.machine.privacy.Privacy;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's privacy lists and default list (XEP-0016) as one element in its account data,
 * under {@link #KEY}: the {@code <query xmlns='jabber:iq:privacy'/>} a get of every list would
 * answer, with the {@code <default/>} selection. Active lists belong to sessions and are not kept.
 */
final class PrivacyStorage {

    /** The account data key. */
    static final String KEY = "privacy";

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyStorage.class);

    private PrivacyStorage() {
    }

    /** The element to store. */
    static Element write(Privacy privacy) {
        return REGISTRY.encode(new PrivacyQuery(Option.none(), privacy.defaultList().map(Option::some), privacy.lists().values().toArray()),
                Namespaces.CLIENT);
    }

    /** The privacy kept in the account's data, or none; an unreadable element is logged and ignored. */
    static Privacy read(Map<String, Element> data) {
        return data.get(KEY).map(element -> REGISTRY.decodePayload(element, Namespaces.CLIENT).fold(error -> {
            LOG.error("stored privacy lists cannot be read ({}); the account starts without them", error);
            return Privacy.NONE;
        }, query -> {
            PrivacyQuery stored = (PrivacyQuery) query;
            Map<String, PrivacyList> lists = LinkedHashMap.ofEntries(stored.lists().map(list -> io.vavr.Tuple.of(list.name(), list)));
            return Privacy.of(lists, stored.defaultList().flatMap(name -> name));
        })).getOrElse(Privacy.NONE);
    }
}
