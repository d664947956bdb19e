package dev.starling.io.client;

import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.jid.Jid;
import dev.starling.model.offline.OfflineRetrieval;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Mono;

import java.time.Duration;

import java.util.Objects;

/**
 * Flexible offline message retrieval (XEP-0013), POP3-style: how many messages wait, their
 * headers, view some, fetch all, remove some, purge all. Once a session has asked, the server
 * no longer floods it (or another resource while it is connected) with stored messages at
 * initial presence (§2.2), so an application can go online and read its mail at its own pace.
 * Viewed and fetched messages stay on the server until removed (§2.5).
 */
public final class ClientOffline {

    private static final Option<String> NODE = Option.some(OfflineRetrieval.NAMESPACE);

    /** How long a retrieval waits, after the result, for messages routed behind it. */
    private static final Duration LATE_MESSAGES = Duration.ofSeconds(10);

    private final XmppClient client;

    ClientOffline(XmppClient client) {
        this.client = client;
    }

    /**
     * A stored message's header (XEP-0013 §2.3).
     *
     * @param node its identifier in the queue
     * @param from its sender, as the server names it
     */
    public record Header(String node, Option<Jid> from) {
        public Header {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(from, "from");
        }
    }

    /** How many messages wait (XEP-0013 §2.2). */
    public Mono<Integer> count() {
        return client.request(IqType.GET, Option.none(), new DiscoInfo(NODE, Array.empty(), Array.empty(), Array.empty()))
                .map(result -> result.firstChild(DiscoInfo.class).toList().flatMap(DiscoInfo::extensions)
                        .flatMap(form -> form.elements()).find(field -> field.attribute("var").contains("number_of_messages"))
                        .flatMap(field -> field.elements().headOption()).map(value -> Integer.parseInt(value.text().strip()))
                        .getOrElseThrow(() -> new IllegalStateException("the server's answer has no number_of_messages")));
    }

    /** The headers of every waiting message, oldest first (XEP-0013 §2.3). */
    public Mono<Seq<Header>> headers() {
        return client.request(IqType.GET, Option.none(), new DiscoItems(NODE, Array.empty()))
                .map(result -> result.firstChild(DiscoItems.class).map(DiscoItems::items).getOrElse(Array.empty())
                        .flatMap(item -> item.node().map(node -> new Header(node, item.name().flatMap(name -> Jid.parse(name).toOption())))));
    }

    /** These messages, each marked with its node, in the order they arrive (XEP-0013 §2.4); they stay stored. */
    public Mono<Seq<Message>> view(Seq<String> nodes) {
        return retrieve(new OfflineRetrieval.Items(nodes.map(node -> new OfflineRetrieval.Item(node, Option.some(OfflineRetrieval.Action.VIEW)))), nodes);
    }

    /**
     * Every waiting message, each marked with its node (XEP-0013 §2.6); they stay stored. The
     * headers are read first, so that the messages a server routes after its result (ejabberd
     * does) are waited for.
     */
    public Mono<Seq<Message>> fetch() {
        return headers().flatMap(headers -> retrieve(new OfflineRetrieval.Fetch(), headers.map(Header::node)));
    }

    /** Forgets these messages (XEP-0013 §2.5); an unknown node fails the request and removes nothing. */
    public Mono<Void> remove(Seq<String> nodes) {
        return client.request(IqType.SET, Option.none(),
                new OfflineRetrieval.Items(nodes.map(node -> new OfflineRetrieval.Item(node, Option.some(OfflineRetrieval.Action.REMOVE))))).then();
    }

    /** Forgets every waiting message (XEP-0013 §2.7). */
    public Mono<Void> purge() {
        return client.request(IqType.SET, Option.none(), new OfflineRetrieval.Purge()).then();
    }

    /** The node the server marked a retrieved message with, if it is one (XEP-0013 §2.4). */
    public static Option<String> node(Message message) {
        return message.firstChild(OfflineRetrieval.Items.class).flatMap(items -> items.items().headOption()).map(OfflineRetrieval.Item::node);
    }

    /**
     * Sends the request and collects the marked messages that answer it: the XEP's examples send
     * them before the result, but a server may route them after it, so this waits for every
     * expected node (up to the wait) once the result is in.
     */
    private Mono<Seq<Message>> retrieve(OfflineRetrieval request, Seq<String> expected) {
        return Mono.defer(() -> {
            ConnectableFlux<Message> arrivals = client.stanzas().ofType(Message.class).filter(message -> node(message).isDefined()).replay();
            Disposable listening = arrivals.connect();
            Mono<Seq<Message>> collected = arrivals.scan(Array.<Message>empty(), Array::append)
                    .takeUntil(all -> expected.forAll(wanted -> all.exists(message -> node(message).contains(wanted))))
                    .take(LATE_MESSAGES)
                    .last()
                    .map(all -> (Seq<Message>) all);
            return client.request(IqType.GET, Option.none(), request).then(collected).doFinally(signal -> listening.dispose());
        });
    }
}
