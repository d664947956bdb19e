package dev.starling.io.client;

import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.disco.DiscoItem;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Finds the server's bytestream proxies as XEP-0065 §4 describes: disco#items of the server,
 * disco#info of each item for the {@code proxy/bytestreams} identity, then the proxy's own
 * streamhost query (Examples 3 to 8). An item that does not answer is skipped.
 */
final class ProxyDiscovery {

    private ProxyDiscovery() {
    }

    /** The proxies' streamhosts, in the order the server lists them. */
    static Mono<Seq<Streamhost>> discover(XmppClient client, Duration timeout) {
        return client.discoItems(Option.some(client.jid().domainJid())).timeout(timeout)
                .flatMapMany(items -> Flux.fromIterable(items.items()))
                .concatMap(item -> streamhosts(client, item, timeout))
                .collectList().map(hosts -> (Seq<Streamhost>) Array.ofAll(hosts))
                .onErrorReturn(Array.empty());
    }

    private static Flux<Streamhost> streamhosts(XmppClient client, DiscoItem item, Duration timeout) {
        return client.discoInfo(Option.some(item.jid())).timeout(timeout)
                .filter(info -> info.identities().exists(id -> id.category().equals("proxy") && id.type().equals("bytestreams")))
                .flatMap(proxy -> client.request(IqType.GET, Option.some(item.jid()), BytestreamQuery.addressRequest()).timeout(timeout))
                .flatMapMany(answer -> Flux.fromIterable(answer.firstChild(BytestreamQuery.class).map(BytestreamQuery::streamhosts)
                        .getOrElse(Array.empty())))
                .onErrorResume(error -> Flux.empty());
    }
}
