package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
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
 * Presence over real sockets between two Starling clients subscribed to each other (RFC 6121 §4):
 * the first online probes the second and hears "unavailable" from her bare JID; the second
 * learns the first's presence through her probe, the first gets her initial presence, updates
 * are broadcast, and a session that ends without unavailable presence is reported unavailable.
 * A subscription request to an account that does not exist comes back as item-not-found. A
 * subscriber learns how long ago Juliet left, with her status (XEP-0012 §4).
 */
class PresenceWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");
    private static final Jid ROMEO = Jid.of("romeo@localhost");

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void subscribersSeeEachOthersPresence() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        subscribeBothWays(juliet, romeo);

        BlockingQueue<Presence> toRomeo = presences(romeo);
        romeo.available().block(WAIT);
        assertThat(next(toRomeo, ROMEO, true).from()).as("his own presence comes back (§4.2.2)").contains(romeo.jid());
        Presence julietOffline = next(toRomeo, JULIET, false);
        assertThat(julietOffline.from()).as("Juliet's server answers his probe: nobody online, from her bare JID (§4.3.2)")
                .contains(JULIET);

        BlockingQueue<Presence> toJuliet = presences(juliet);
        juliet.send(Presence.available().withChild(dev.starling.model.element.Element.builder("jabber:client", "status")
                .text("on the balcony").build())).block(WAIT);
        Presence romeosPresence = next(toJuliet, ROMEO, true);
        assertThat(romeosPresence.from()).as("the probe's answer (§4.3.2)").contains(romeo.jid());
        Presence julietsPresence = next(toRomeo, JULIET, true);
        assertThat(julietsPresence.from()).contains(juliet.jid());
        assertThat(julietsPresence.isAvailable()).isTrue();

        romeo.send(Presence.available().withChild(dev.starling.model.element.Element.builder("jabber:client", "show").text("away").build()))
                .block(WAIT);
        assertThat(next(toJuliet, ROMEO, true).show().map(Object::toString).map(String::toLowerCase)).contains("away");

        juliet.close().block(WAIT); // no unavailable presence sent: the server generates it (§4.5.2)
        Presence gone = next(toRomeo, JULIET, false);
        assertThat(gone.type()).contains(PresenceType.UNAVAILABLE);
        assertThat(gone.from()).contains(juliet.jid());
        romeo.close().block(WAIT);
    }

    /** Both directions subscribed through the real handshake. */
    @Test
    void aSubscriptionRequestToNoAccountComesBackAsAnError() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        BlockingQueue<Presence> errors = new LinkedBlockingQueue<>();
        juliet.stanzas().ofType(Presence.class).filter(p -> p.type().contains(PresenceType.ERROR)).subscribe(errors::add);
        juliet.available().block(WAIT);
        juliet.roster().subscribe(Jid.of("nobody@localhost")).block(WAIT);

        Presence error = errors.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(error).as("RFC 6121 §3.1.2: an error when the local contact does not exist").isNotNull();
        assertThat(error.from()).contains(Jid.of("nobody@localhost"));
        assertThat(error.error().map(e -> e.condition().wireName())).contains("item-not-found");
        juliet.close().block(WAIT);
    }

    @Test
    void aSubscriberLearnsJulietsLastActivity() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        subscribeBothWays(juliet, romeo);
        juliet.send(Presence.available()).block(WAIT);
        juliet.send(Presence.of(PresenceType.UNAVAILABLE).withChild(dev.starling.model.stanza.Status.of("Heading Home"))).block(WAIT);
        juliet.close().block(WAIT);

        dev.starling.model.im.LastActivity last = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (last == null || last.status().isEmpty()) { // her session's end reaches her account after her close completes
            assertThat(System.nanoTime()).as("XEP-0012 §4: her last activity with its status").isLessThan(deadline);
            last = romeo.request(dev.starling.model.stanza.IqType.GET, io.vavr.control.Option.some(JULIET), dev.starling.model.im.LastActivity.query())
                    .block(WAIT).firstChild(dev.starling.model.im.LastActivity.class).get();
        }
        assertThat(last.seconds().get()).isBetween(0L, 10L);
        assertThat(last.status()).contains("Heading Home");
        romeo.close().block(WAIT);
    }

    static void subscribeBothWays(XmppClient juliet, XmppClient romeo) throws Exception {
        juliet.roster().load().block(WAIT);
        romeo.roster().load().block(WAIT);
        BlockingQueue<dev.starling.model.roster.RosterItem> julietPushes = new LinkedBlockingQueue<>();
        juliet.roster().changes().subscribe(julietPushes::add);
        juliet.roster().approve(ROMEO).block(WAIT);   // pre-approval (§3.4)
        romeo.roster().approve(JULIET).block(WAIT);
        romeo.roster().subscribe(JULIET).block(WAIT);
        juliet.roster().subscribe(ROMEO).block(WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!juliet.roster().snapshot().get(ROMEO).exists(item -> item.effectiveSubscription().wireName().equals("both"))) {
            assertThat(System.nanoTime()).as("Juliet and Romeo subscribed both ways").isLessThan(deadline);
            julietPushes.poll(100, TimeUnit.MILLISECONDS);
        }
    }

    private static BlockingQueue<Presence> presences(XmppClient client) {
        BlockingQueue<Presence> queue = new LinkedBlockingQueue<>();
        client.stanzas().ofType(Presence.class).filter(p -> p.type().isEmpty() || p.type().contains(PresenceType.UNAVAILABLE))
                .subscribe(queue::add);
        return queue;
    }

    private static Presence next(BlockingQueue<Presence> presences, Jid from, boolean available) throws InterruptedException {
        Presence presence;
        do {
            presence = presences.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(presence).as((available ? "available" : "unavailable") + " presence from " + from).isNotNull();
        } while (!presence.from().exists(jid -> jid.bare().equals(from)) || presence.type().isEmpty() != available);
        return presence;
    }
}
