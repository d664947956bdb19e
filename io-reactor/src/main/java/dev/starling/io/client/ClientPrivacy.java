package dev.starling.io.client;

import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * The account's privacy lists (XEP-0016): read the names and the active and default choices, read,
 * write and remove a list, choose this session's active list and the account's default, and hear
 * when a list changes. Pushes from the account's server are acknowledged by the session itself.
 */
public final class ClientPrivacy {

    private final XmppClient client;

    ClientPrivacy(XmppClient client) {
        this.client = client;
    }

    /**
     * The names of the account's lists and which apply (XEP-0016 §2.3).
     *
     * @param active      this session's active list, if any
     * @param defaultList the account's default list, if any
     * @param lists       every list's name
     */
    public record Names(Option<String> active, Option<String> defaultList, Seq<String> lists) {
        public Names {
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(defaultList, "defaultList");
            Objects.requireNonNull(lists, "lists");
        }
    }

    /** The names of the lists, with the active and default ones (XEP-0016 §2.3). */
    public Mono<Names> names() {
        return query(IqType.GET, new PrivacyQuery(Option.none(), Option.none(), Array.empty())).map(query -> new Names(
                query.active().flatMap(name -> name), query.defaultList().flatMap(name -> name), query.lists().map(PrivacyList::name)));
    }

    /** One list, whole (XEP-0016 §2.3); fails with item-not-found if there is none. */
    public Mono<PrivacyList> list(String name) {
        return query(IqType.GET, new PrivacyQuery(Option.none(), Option.none(), Array.of(new PrivacyList(name, Array.empty()))))
                .map(query -> query.lists().head());
    }

    /** Creates or replaces a list, which must hold at least one rule (XEP-0016 §2.6, §2.7). */
    public Mono<Void> put(PrivacyList list) {
        if (list.rules().isEmpty()) {
            return Mono.error(new IllegalArgumentException("a list without rules would remove '" + list.name() + "': use remove"));
        }
        return set(new PrivacyQuery(Option.none(), Option.none(), Array.of(list)));
    }

    /** Removes a list (XEP-0016 §2.8); conflict while it applies to another session. */
    public Mono<Void> remove(String name) {
        return set(new PrivacyQuery(Option.none(), Option.none(), Array.of(new PrivacyList(name, Array.empty()))));
    }

    /** Makes a list this session's active list, or none to decline any (XEP-0016 §2.4). */
    public Mono<Void> activate(Option<String> name) {
        return set(new PrivacyQuery(Option.some(name), Option.none(), Array.empty()));
    }

    /** Makes a list the account's default, or none to decline any (XEP-0016 §2.5); conflict while the default applies to another session. */
    public Mono<Void> makeDefault(Option<String> name) {
        return set(new PrivacyQuery(Option.none(), Option.some(name), Array.empty()));
    }

    /** The names of lists as the server pushes their changes (XEP-0016 §2.6). */
    public Flux<String> changes() {
        return client.stanzas().ofType(Iq.class).filter(iq -> iq.type() == IqType.SET)
                .flatMap(iq -> Mono.justOrEmpty(iq.firstChild(PrivacyQuery.class).toJavaOptional()))
                .flatMapIterable(query -> query.lists().map(PrivacyList::name));
    }

    private Mono<PrivacyQuery> query(IqType type, PrivacyQuery query) {
        return client.request(type, Option.none(), query).map(result -> result.firstChild(PrivacyQuery.class)
                .getOrElse(new PrivacyQuery(Option.none(), Option.none(), Array.empty())));
    }

    private Mono<Void> set(PrivacyQuery query) {
        return client.request(IqType.SET, Option.none(), query).then();
    }
}
