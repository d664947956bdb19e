package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.io.store.JdbcAccountStore;
import dev.starling.io.tls.SelfSignedCertificate;
import dev.starling.io.tls.TlsCredentials;
import dev.starling.model.delay.Delay;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline messages over real sockets with the H2 store (RFC 6121 §8.5.2.2.1, XEP-0160): Romeo
 * writes to Juliet while she is offline, the server is stopped and started again on the same
 * data, and Juliet receives both messages, in order, stamped with a XEP-0203 delay from the
 * server, when she sends available presence, and not again at her next login.
 */
class OfflineWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");

    @TempDir
    Path data;

    @Test
    void messagesForAnOfflineAccountSurviveARestartAndArriveOnce() throws Exception {
        TlsCredentials certificate = SelfSignedCertificate.generate("localhost");
        Instant sent = Instant.now().minusSeconds(1);
        try (JdbcAccountStore store = JdbcAccountStore.h2(data); WireFixture first = new WireFixture(store, certificate)) {
            XmppClient romeo = first.connect("romeo");
            romeo.send(Message.chat(JULIET, "first")).block(WAIT);
            romeo.send(Message.chat(JULIET, "second")).block(WAIT);
            romeo.close().block(WAIT);
            // routing and storing run after Romeo's session has handed the messages on
            assertThat(storedEventually(store, 2)).as("stored before the restart").isEqualTo(2);
        }

        try (JdbcAccountStore store = JdbcAccountStore.h2(data); WireFixture restarted = new WireFixture(store, certificate)) {
            XmppClient juliet = restarted.connect("juliet");
            BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
            juliet.stanzas().ofType(Message.class).subscribe(messages::add);
            juliet.available().block(WAIT);

            Message one = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            Message two = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(one).isNotNull();
            assertThat(two).isNotNull();
            assertThat(one.body()).contains("first");
            assertThat(two.body()).contains("second");
            Delay delay = one.firstChild(Delay.class).get();
            assertThat(delay.from()).contains(Jid.of("localhost"));
            assertThat(delay.stamp()).isAfter(sent).isBefore(Instant.now());
            assertThat(one.from().map(Jid::bare)).contains(Jid.of("romeo@localhost"));
            juliet.close().block(WAIT);
            assertThat(storedEventually(store, 0)).as("forgotten once handed over").isZero();

            XmppClient again = restarted.connect("juliet");
            BlockingQueue<Message> more = new LinkedBlockingQueue<>();
            again.stanzas().ofType(Message.class).subscribe(more::add);
            again.available().block(WAIT);
            again.ping(io.vavr.control.Option.none()).block(WAIT);
            assertThat(more.poll(1, TimeUnit.SECONDS)).as("nothing twice").isNull();
            again.close().block(WAIT);
        }
    }

    /** How many messages Juliet has stored once that number is {@code expected}, or after the wait. */
    private static int storedEventually(JdbcAccountStore store, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int count = store.offline().list("juliet").block(WAIT).size();
        while (count != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            count = store.offline().list("juliet").block(WAIT).size();
        }
        return count;
    }
}
