package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster and the subscription handshake over real sockets: two Starling clients, Juliet and
 * Romeo, on the Starling server (RFC 6121 §2, §3). Roster sets are answered and pushed, a request
 * reaches the contact, the approval reaches the requester, both sides end with 'both', and a
 * deletion cancels the subscriptions on the other side too.
 */
class RosterWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");
    private static final Jid ROMEO = Jid.of("romeo@localhost");

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theSubscriptionHandshakeEndsWithBothSubscribed() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        assertThat(juliet.roster().load().block(WAIT)).isEmpty();
        assertThat(romeo.roster().load().block(WAIT)).isEmpty();
        BlockingQueue<RosterItem> julietPushes = pushes(juliet.roster().changes());
        BlockingQueue<RosterItem> romeoPushes = pushes(romeo.roster().changes());
        BlockingQueue<Jid> julietRequests = new LinkedBlockingQueue<>();
        juliet.roster().subscriptionRequests().subscribe(julietRequests::add);
        juliet.available().block(WAIT);

        romeo.roster().put(JULIET, Option.some("Juliet"), Array.of("Capulets")).block(WAIT);
        assertThat(next(romeoPushes)).isEqualTo(RosterItem.of(JULIET).withName(Option.some("Juliet"))
                .withSubscription(ItemSubscription.NONE).withGroups(Array.of("Capulets")));

        romeo.roster().subscribe(JULIET).block(WAIT);
        assertThat(next(romeoPushes).ask()).as("pending out: ask='subscribe'").isTrue();
        assertThat(julietRequests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ROMEO);
        assertThat(julietPushes).as("no item for a contact who only asked (RFC 6121 §3.1.3)").isEmpty();

        juliet.roster().approve(ROMEO).block(WAIT);
        assertThat(next(julietPushes).effectiveSubscription()).isEqualTo(ItemSubscription.FROM);
        assertThat(next(romeoPushes).effectiveSubscription()).isEqualTo(ItemSubscription.TO);

        juliet.roster().subscribe(ROMEO).block(WAIT);
        assertThat(next(julietPushes).ask()).isTrue();
        RosterItem romeosView = next(romeoPushes);
        assertThat(romeosView.effectiveSubscription()).as("Juliet's request is noted in Romeo's roster").isEqualTo(ItemSubscription.TO);
        romeo.roster().approve(JULIET).block(WAIT);
        assertThat(next(romeoPushes).effectiveSubscription()).isEqualTo(ItemSubscription.BOTH);
        assertThat(next(julietPushes).effectiveSubscription()).isEqualTo(ItemSubscription.BOTH);

        assertThat(romeo.roster().snapshot().get(JULIET).get().effectiveSubscription()).isEqualTo(ItemSubscription.BOTH);
        assertThat(juliet.roster().load().block(WAIT)).singleElement()
                .satisfies(item -> assertThat(item.effectiveSubscription()).isEqualTo(ItemSubscription.BOTH));

        romeo.roster().remove(JULIET).block(WAIT);
        assertThat(next(romeoPushes).effectiveSubscription()).isEqualTo(ItemSubscription.REMOVE);
        RosterItem afterRemoval = next(julietPushes);
        while (afterRemoval.effectiveSubscription() != ItemSubscription.NONE) {
            afterRemoval = next(julietPushes); // one push per subscription Juliet's server learns is gone
        }
        assertThat(juliet.roster().snapshot().get(ROMEO).get().effectiveSubscription()).isEqualTo(ItemSubscription.NONE);
        assertThat(romeo.roster().snapshot()).isEmpty();

        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    /** RFC 6121 §2.6.3 from the client's side: a session that starts from a kept roster gets only what changed, as pushes. */
    @Test
    void aKeptRosterIsBroughtUpToDateWithTheInterimPushes() throws Exception {
        XmppClient first = fixture.connect("juliet");
        first.roster().load().block(WAIT);
        first.roster().put(Jid.of("nurse@localhost"), Option.some("Nurse"), Array.of("Household")).block(WAIT);
        first.roster().put(Jid.of("tybalt@localhost"), Option.none(), Array.empty()).block(WAIT);
        long pushed = System.nanoTime() + WAIT.toNanos();
        while (first.roster().snapshot().size() < 2) { // the pushes of both sets may follow their results
            assertThat(System.nanoTime()).as("both pushes arrived").isLessThan(pushed);
            Thread.sleep(20);
        }
        var kept = first.roster().cache();
        assertThat(kept.ver().isDefined()).as("the server announced versioning and gave one").isTrue();
        assertThat(kept.items().keySet()).containsExactlyInAnyOrder(Jid.of("nurse@localhost"), Jid.of("tybalt@localhost"));
        first.close().block(WAIT);

        XmppClient elsewhere = fixture.connect("juliet"); // changes while the kept copy is offline
        elsewhere.roster().load().block(WAIT);
        elsewhere.roster().remove(Jid.of("tybalt@localhost")).block(WAIT);
        elsewhere.roster().put(Jid.of("benvolio@localhost"), Option.some("Benvolio"), Array.empty()).block(WAIT);
        elsewhere.close().block(WAIT);

        XmppClient resumed = fixture.connect("juliet");
        BlockingQueue<RosterItem> interim = new LinkedBlockingQueue<>();
        resumed.roster().changes().subscribe(interim::add);
        resumed.roster().load(kept).block(WAIT);
        assertThat(interim.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("an interim push, not a whole roster").isNotNull();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!resumed.roster().snapshot().keySet().equals(io.vavr.collection.HashSet.of(Jid.of("nurse@localhost"), Jid.of("benvolio@localhost")))) {
            assertThat(System.nanoTime()).as("the kept roster caught up: %s", resumed.roster().snapshot().keySet()).isLessThan(deadline);
            interim.poll(100, TimeUnit.MILLISECONDS);
        }
        XmppClient fresh = fixture.connect("juliet");
        fresh.roster().load().block(WAIT);
        assertThat(resumed.roster().snapshot()).isEqualTo(fresh.roster().snapshot());
        assertThat(resumed.roster().cache().ver()).isEqualTo(fresh.roster().cache().ver());
        resumed.close().block(WAIT);
        fresh.close().block(WAIT);
    }

    @Test
    void aRequestWaitsUntilTheContactIsAvailable() throws Exception {
        XmppClient romeo = fixture.connect("romeo");
        romeo.roster().subscribe(JULIET).block(WAIT);
        romeo.ping(Option.none()).block(WAIT); // the request has been handled

        XmppClient juliet = fixture.connect("juliet");
        BlockingQueue<Jid> requests = new LinkedBlockingQueue<>();
        juliet.roster().subscriptionRequests().subscribe(requests::add);
        juliet.available().block(WAIT);
        assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ROMEO);

        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    @Test
    void aBadRosterSetGetsItsErrorAndChangesNothing() {
        XmppClient juliet = fixture.connect("juliet");
        assertThat(juliet.roster().load().block(WAIT)).isEmpty();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        juliet.roster().put(ROMEO, Option.none(), Array.of("Friends", "Friends")).block(WAIT))
                .hasMessageContaining("bad-request");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> juliet.roster().put(JULIET, Option.none(), Array.empty()).block(WAIT))
                .hasMessageContaining("not-allowed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> juliet.roster().remove(ROMEO).block(WAIT))
                .hasMessageContaining("item-not-found");
        assertThat(juliet.roster().load().block(WAIT)).isEmpty();
        juliet.close().block(WAIT);
    }

    private static BlockingQueue<RosterItem> pushes(Flux<RosterItem> changes) {
        BlockingQueue<RosterItem> queue = new LinkedBlockingQueue<>();
        changes.subscribe(queue::add);
        return queue;
    }

    private static RosterItem next(BlockingQueue<RosterItem> pushes) throws InterruptedException {
        RosterItem item = pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(item).as("a roster push arrived").isNotNull();
        return item;
    }
}
