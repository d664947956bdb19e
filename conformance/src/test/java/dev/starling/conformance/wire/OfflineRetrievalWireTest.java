package dev.starling.conformance.wire;

import dev.starling.io.client.ClientOffline;
import dev.starling.io.client.XmppClient;
import dev.starling.io.client.XmppException;
import dev.starling.model.jid.Jid;
import dev.starling.model.offline.OfflineRetrieval;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0013 over real sockets: Romeo writes three messages to an offline Juliet; Juliet logs in,
 * finds the feature, counts, reads the headers, views one, removes two, goes online without
 * being flooded, and fetches and purges the rest; Romeo may not read her queue.
 */
class OfflineRetrievalWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void julietReadsHerOfflineMessagesAtHerOwnPace() throws Exception {
        XmppClient romeo = fixture.connect("romeo");
        for (String text : new String[] {"one", "two", "three"}) {
            romeo.send(Message.chat(JULIET, text)).block(WAIT);
        }
        romeo.ping(Option.none()).block(WAIT);

        XmppClient juliet = fixture.connect("juliet");
        BlockingQueue<Message> flooded = new LinkedBlockingQueue<>();
        juliet.stanzas().ofType(Message.class).filter(message -> ClientOffline.node(message).isEmpty()).subscribe(flooded::add);
        assertThat(juliet.discoInfo(Option.none()).block(WAIT).features()).contains(OfflineRetrieval.NAMESPACE);
        assertThat(waitForCount(juliet, 3)).isEqualTo(3);

        Seq<ClientOffline.Header> headers = juliet.offline().headers().block(WAIT);
        assertThat(headers).hasSize(3);
        assertThat(headers.map(ClientOffline.Header::from)).allMatch(from -> from.exists(jid -> jid.bare().equals(Jid.of("romeo@localhost"))));
        assertThat(headers.map(ClientOffline.Header::node).sorted()).as("nodes sort in arrival order").isEqualTo(headers.map(ClientOffline.Header::node));

        Seq<Message> viewed = juliet.offline().view(Array.of(headers.get(1).node())).block(WAIT);
        assertThat(viewed.map(Message::body)).containsExactly(Option.some("two"));
        assertThat(viewed.flatMap(ClientOffline::node)).containsExactly(headers.get(1).node());

        juliet.offline().remove(Array.of(headers.get(0).node(), headers.get(1).node())).block(WAIT);
        juliet.available().block(WAIT);
        juliet.ping(Option.none()).block(WAIT);
        assertThat(flooded.poll(500, TimeUnit.MILLISECONDS)).as("XEP-0013 §2.2: no flood after asking").isNull();

        assertThat(juliet.offline().fetch().block(WAIT).map(Message::body)).containsExactly(Option.some("three"));
        assertThat(juliet.offline().count().block(WAIT)).as("fetching keeps them (§2.5)").isEqualTo(1);
        juliet.offline().purge().block(WAIT);
        assertThat(juliet.offline().count().block(WAIT)).isZero();

        try {
            juliet.offline().remove(Array.of(headers.get(0).node())).block(WAIT);
            throw new AssertionError("a removed node was removed again");
        } catch (XmppException e) {
            assertThat(e.getMessage()).contains("item-not-found");
        }
        try {
            romeo.request(IqType.GET, Option.some(JULIET), new OfflineRetrieval.Fetch()).block(WAIT);
            throw new AssertionError("Romeo fetched Juliet's messages");
        } catch (XmppException e) {
            assertThat(e.getMessage()).contains("forbidden");
        }
        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    /** Storing runs after Romeo's session handed the messages on; his ping only proves his stream is through. */
    private static int waitForCount(XmppClient juliet, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int count = juliet.offline().count().block(WAIT);
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            count = juliet.offline().count().block(WAIT);
        }
        return count;
    }
}
