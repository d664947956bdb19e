package dev.starling.io.client;

import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The account's blocklist from the client's side (XEP-0191): read it, block and unblock JIDs,
 * and follow the pushes the server sends when any of the account's resources changes it.
 */
public final class ClientBlocking {

    private final XmppClient client;

    ClientBlocking(XmppClient client) {
        this.client = client;
    }

    /** The blocked JIDs (XEP-0191 §3.2); afterwards this resource receives the pushes. */
    public Mono<Seq<Jid>> load() {
        return client.request(IqType.GET, Option.none(), new BlockingCommand.BlockList(Array.empty()))
                .map(result -> result.firstChild(BlockingCommand.BlockList.class).map(BlockingCommand::jids).getOrElse(Array.empty()));
    }

    /** Blocks these JIDs (XEP-0191 §3.3); at least one. */
    public Mono<Void> block(Jid... jids) {
        return client.request(IqType.SET, Option.none(), new BlockingCommand.Block(Array.of(jids))).then();
    }

    /** Unblocks these JIDs, or everyone when none is given (XEP-0191 §3.4, §3.5). */
    public Mono<Void> unblock(Jid... jids) {
        return client.request(IqType.SET, Option.none(), new BlockingCommand.Unblock(Array.of(jids))).then();
    }

    /** The block and unblock pushes from now on (an unblock without JIDs unblocks everyone). */
    public Flux<BlockingCommand> changes() {
        return client.stanzas().ofType(Iq.class).filter(iq -> iq.type() == IqType.SET)
                .flatMap(iq -> Mono.justOrEmpty(iq.firstChild(BlockingCommand.class).toJavaOptional()));
    }
}
