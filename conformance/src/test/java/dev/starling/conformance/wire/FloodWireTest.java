package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.machine.sasl.SaslMechanismNames;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.server.RateLimit;
import dev.starling.machine.stream.server.StanzaLimits;
import dev.starling.io.session.SessionSettings;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.Status;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods over real sockets against a server with small rate limits (XEP-0205 §3): the flooder's
 * stanzas beyond the burst come back as {@code unexpected-request} with {@code <too-many-stanzas/>},
 * the recipient gets no more than the limit lets through, and both sessions keep working.
 */
class FloodWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FLOOD = 40;

    private final WireFixture fixture = new WireFixture(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10),
            new SaslServerPolicy(false, false, false, SaslMechanismNames.all()),
            config -> config.withLimits(new StanzaLimits(Option.some(new RateLimit(20, 5)), Option.some(new RateLimit(5, 1)))));

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPresenceFloodIsCutAtTheLimitAndTheSessionsKeepWorking() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        juliet.available().block(WAIT);
        BlockingQueue<Presence> toJuliet = new LinkedBlockingQueue<>();
        juliet.stanzas().ofType(Presence.class).filter(p -> p.from().contains(romeo.jid())).subscribe(toJuliet::add);
        BlockingQueue<Stanza> refusals = refusals(romeo);

        long start = System.nanoTime();
        for (int n = 0; n < FLOOD; n++) {
            romeo.presence().directed(juliet.jid(), Presence.available().withChild(Status.of("flood " + n))).block(WAIT);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int allowed = 5 + (int) Math.ceil(seconds * 1);
        int refused = drain(refusals, FLOOD - allowed);
        assertThat(refused).as("refused of %d in %.2f s", FLOOD, seconds).isGreaterThanOrEqualTo(FLOOD - allowed);

        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        juliet.messages().subscribe(inbox::add);
        romeo.send(Message.chat(juliet.jid(), "after the flood")).block(WAIT);
        Message after = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(after).as("the flooder's session still carries messages").isNotNull();
        assertThat(after.body()).contains("after the flood");
        assertThat(toJuliet.size()).as("what reached Juliet").isLessThanOrEqualTo(allowed);
        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    @Test
    void aMessageFloodIsCutAtTheLimit() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        juliet.available().block(WAIT);
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        juliet.messages().filter(m -> m.body().isDefined()).subscribe(inbox::add);
        BlockingQueue<Stanza> refusals = refusals(romeo);

        long start = System.nanoTime();
        for (int n = 0; n < 3 * FLOOD; n++) {
            romeo.send(Message.chat(juliet.jid(), "flood " + n)).block(WAIT);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int allowed = 20 + (int) Math.ceil(seconds * 5);
        int refused = drain(refusals, 3 * FLOOD - allowed);
        assertThat(refused).isGreaterThanOrEqualTo(3 * FLOOD - allowed);
        assertThat(refused).isLessThan(3 * FLOOD);
        Thread.sleep(500); // what was let through arrives
        assertThat(inbox.size()).isEqualTo(3 * FLOOD - refused);
        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    private static BlockingQueue<Stanza> refusals(XmppClient client) {
        BlockingQueue<Stanza> queue = new LinkedBlockingQueue<>();
        client.stanzas().filter(s -> s.error().exists(e -> e.condition() == StanzaErrorCondition.UNEXPECTED_REQUEST
                && e.applicationCondition().exists(c -> c.is("urn:xmpp:errors", "too-many-stanzas")))).subscribe(queue::add);
        return queue;
    }

    /** Waits for at least {@code least} refusals (or the timeout), then counts any that follow at once. */
    private static int drain(BlockingQueue<Stanza> refusals, int least) throws InterruptedException {
        int count = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count < least && System.nanoTime() < deadline) {
            if (refusals.poll(100, TimeUnit.MILLISECONDS) != null) {
                count++;
            }
        }
        while (refusals.poll(300, TimeUnit.MILLISECONDS) != null) {
            count++;
        }
        return count;
    }
}
