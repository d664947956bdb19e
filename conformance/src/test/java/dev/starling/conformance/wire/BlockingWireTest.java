package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.io.client.XmppException;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking command over real sockets (XEP-0191), between Juliet and Romeo subscribed to each
 * other: Juliet blocks Romeo; he sees her go unavailable, his messages get service-unavailable,
 * hers to him come back with not-acceptable and {@code <blocked/>}; her other session gets the
 * push; unblocking brings her presence back to him.
 */
class BlockingWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");
    private static final Jid ROMEO = Jid.of("romeo@localhost");

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aBlockedContactSeesJulietOfflineUntilUnblocked() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient julietToo = fixture.connect(dev.starling.machine.stream.client.ClientConfig.of(Jid.of("juliet@localhost/chamber"),
                WireFixture.password("juliet")).withKeepalive(io.vavr.control.Option.none()), false);
        XmppClient romeo = fixture.connect("romeo");
        juliet.roster().approve(ROMEO).block(WAIT);
        romeo.roster().subscribe(JULIET).block(WAIT);
        assertThat(julietToo.blocking().load().block(WAIT)).isEmpty();
        BlockingQueue<BlockingCommand> pushes = queue(julietToo.blocking().changes());
        BlockingQueue<Presence> toRomeo = queue(romeo.stanzas().ofType(Presence.class));
        BlockingQueue<Message> romeoMessages = queue(romeo.stanzas().ofType(Message.class));
        BlockingQueue<Message> julietMessages = queue(juliet.stanzas().ofType(Message.class));
        romeo.available().block(WAIT);
        juliet.available().block(WAIT);
        assertThat(next(toRomeo, p -> p.from().exists(f -> f.bare().equals(JULIET)) && p.type().isEmpty())).isNotNull();

        juliet.blocking().block(ROMEO).block(WAIT);
        assertThat(next(pushes, c -> c instanceof BlockingCommand.Block).jids()).containsExactly(ROMEO);
        assertThat(juliet.blocking().load().block(WAIT)).containsExactly(ROMEO);
        assertThat(next(toRomeo, p -> p.type().contains(PresenceType.UNAVAILABLE))).as("she went away for him").isNotNull();

        romeo.send(Message.chat(JULIET, "hello?")).block(WAIT);
        Message bounced = next(romeoMessages, m -> m.effectiveType() == MessageType.ERROR);
        assertThat(bounced.error().map(e -> e.condition().wireName())).contains("service-unavailable");

        juliet.send(Message.chat(ROMEO, "Can you hear me now?")).block(WAIT);
        Message refused = next(julietMessages, m -> m.effectiveType() == MessageType.ERROR);
        assertThat(refused.error().map(e -> e.condition().wireName())).contains("not-acceptable");
        assertThat(refused.error().flatMap(e -> e.applicationCondition()).map(a -> a.localName())).contains("blocked");

        juliet.blocking().unblock().block(WAIT); // unblock everyone
        assertThat(next(pushes, c -> c instanceof BlockingCommand.Unblock)).isNotNull();
        assertThat(next(toRomeo, p -> p.from().exists(f -> f.bare().equals(JULIET)) && p.type().isEmpty()))
                .as("her presence is back").isNotNull();
        romeo.send(Message.chat(JULIET.withResource("wire").get(), "there you are")).block(WAIT);
        assertThat(next(julietMessages, m -> m.body().contains("there you are"))).isNotNull();

        for (XmppClient client : new XmppClient[]{juliet, julietToo, romeo}) {
            client.close().block(WAIT);
        }
    }

    @Test
    void blockingNobodyIsBadRequest() {
        XmppClient juliet = fixture.connect("juliet");
        try {
            juliet.blocking().block().block(WAIT);
            throw new AssertionError("an empty block was accepted");
        } catch (XmppException e) {
            assertThat(e.getMessage()).contains("bad-request");
        }
        juliet.close().block(WAIT);
    }

    private static <T> BlockingQueue<T> queue(reactor.core.publisher.Flux<T> flux) {
        BlockingQueue<T> queue = new LinkedBlockingQueue<>();
        flux.subscribe(queue::add);
        return queue;
    }

    private static <T> T next(BlockingQueue<T> queue, java.util.function.Predicate<T> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            T item = queue.poll(100, TimeUnit.MILLISECONDS);
            if (item != null && wanted.test(item)) {
                return item;
            }
        }
        throw new AssertionError("nothing matching arrived");
    }
}
