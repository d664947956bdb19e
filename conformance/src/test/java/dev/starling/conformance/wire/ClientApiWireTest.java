package dev.starling.conformance.wire;

import dev.starling.io.client.ClientRoster;
import dev.starling.io.client.XmppClient;
import dev.starling.io.client.XmppException;
import dev.starling.machine.presence.ContactPresence;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Show;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client library's presence, subscription and message streams over real sockets between two
 * Starling clients on the Starling server (RFC 6121 §3, §4, §5): show, status and priority reach
 * the contact's view, unavailable takes the resource away, directed presence is withdrawn when
 * the session ends (§4.6.3), contacts' subscription stanzas surface as notices, messages arrive
 * on {@code messages()}, and {@code send} fails once the session has ended.
 */
class ClientApiWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");
    private static final Jid ROMEO = Jid.of("romeo@localhost");

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void showStatusAndPriorityReachTheContactsViewAndUnavailableTakesThemAway() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        BlockingQueue<ClientRoster.SubscriptionNotice> toRomeo = new LinkedBlockingQueue<>();
        BlockingQueue<ClientRoster.SubscriptionNotice> toJuliet = new LinkedBlockingQueue<>();
        romeo.roster().subscriptionNotices().subscribe(toRomeo::add);
        juliet.roster().subscriptionNotices().subscribe(toJuliet::add);
        juliet.available().block(WAIT);
        romeo.available().block(WAIT);
        PresenceWireTest.subscribeBothWays(juliet, romeo);
        assertThat(next(toRomeo, n -> n.type() == PresenceType.SUBSCRIBED)).as("Juliet's approval (§3.1.5)")
                .isEqualTo(new ClientRoster.SubscriptionNotice(JULIET, PresenceType.SUBSCRIBED));

        BlockingQueue<ContactPresence.Change> julietSees = new LinkedBlockingQueue<>();
        juliet.presence().changes().subscribe(julietSees::add);
        romeo.presence().available(Option.some(Show.AWAY), Option.some("in the orchard"), 5).block(WAIT);
        ContactPresence.Change away = next(julietSees, c -> c.from().equals(romeo.jid()) && c.presence().show().contains(Show.AWAY));
        assertThat(away.presence().status()).contains("in the orchard");
        assertThat(away.presence().priority()).isEqualTo(5);
        Presence best = juliet.presence().snapshot().best(ROMEO).get();
        assertThat(best.from()).contains(romeo.jid());
        assertThat(best.show()).contains(Show.AWAY);

        juliet.roster().deny(ROMEO).block(WAIT); // she cancels his subscription (§3.2.1); he is still available to hear it
        assertThat(next(toRomeo, n -> n.type() == PresenceType.UNSUBSCRIBED).contact()).isEqualTo(JULIET);

        romeo.presence().unavailable(Option.some("gone to Mantua")).block(WAIT);
        ContactPresence.Change gone = next(julietSees, c -> c.presence().type().contains(PresenceType.UNAVAILABLE));
        assertThat(gone.from()).isEqualTo(romeo.jid());
        assertThat(gone.presence().status()).contains("gone to Mantua");
        assertThat(juliet.presence().snapshot().isOnline(ROMEO)).isFalse();
        assertThat(juliet.presence().snapshot().best(ROMEO)).isEmpty();

        assertThatThrownBy(() -> romeo.presence().available(Option.none(), Option.none(), 128).block(WAIT))
                .isInstanceOf(IllegalArgumentException.class);
        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    @Test
    void directedPresenceIsWithdrawnWhenTheSessionEnds() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        juliet.available().block(WAIT);
        BlockingQueue<ContactPresence.Change> julietSees = new LinkedBlockingQueue<>();
        juliet.presence().changes().subscribe(julietSees::add);

        romeo.presence().directed(juliet.jid(), Presence.available()).block(WAIT); // no subscription: directed (§4.6)
        assertThat(next(julietSees, c -> c.presence().isAvailable() && c.from().bare().equals(ROMEO)).from()).isEqualTo(romeo.jid());
        assertThat(juliet.presence().snapshot().isOnline(ROMEO)).isTrue();

        romeo.close().block(WAIT); // his server owes her his unavailable presence (§4.6.3)
        assertThat(next(julietSees, c -> c.presence().type().contains(PresenceType.UNAVAILABLE) && c.from().bare().equals(ROMEO)).from())
                .isEqualTo(romeo.jid());
        assertThat(juliet.presence().snapshot().isOnline(ROMEO)).isFalse();
        juliet.close().block(WAIT);
    }

    @Test
    void messagesArriveOnTheirOwnStreamAndSendFailsOnceTheSessionEnded() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        juliet.available().block(WAIT);
        BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
        juliet.messages().subscribe(inbox::add);

        Message chat = Message.chat(juliet.jid(), "Art thou not Romeo?");
        romeo.send(chat).block(WAIT); // completes once written
        Message received = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.body()).contains("Art thou not Romeo?");
        assertThat(received.from()).contains(romeo.jid());

        romeo.close().block(WAIT);
        assertThatThrownBy(() -> romeo.send(chat).block(WAIT)).isInstanceOf(XmppException.class).hasMessageContaining("not sent");
        juliet.close().block(WAIT);
    }

    private static <T> T next(BlockingQueue<T> queue, java.util.function.Predicate<T> wanted) throws InterruptedException {
        return Arrivals.next(queue, wanted, WAIT);
    }
}
