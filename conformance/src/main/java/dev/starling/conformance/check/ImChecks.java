package dev.starling.conformance.check;

import dev.starling.io.client.XmppClient;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.delay.Delay;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.register.RegisterFeature;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stream.StreamFeatures;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The instant-messaging flows of the live check (RFC 6121): the roster (get, set with its push,
 * delete), and, with a throw-away contact account registered in-band (XEP-0077), the
 * subscription handshake both ways, presence between subscribers, unavailable presence for a
 * session that ends, an offline message delivered with its delay (XEP-0160, XEP-0203), the
 * everyday extensions ({@link EverydayChecks}), and the blocking command (XEP-0191). Flows
 * that need the contact are "not offered" when the server does not offer registration; the
 * offline flow when it does not announce {@code msgoffline}; XEP-0013 retrieval follows
 * ({@link OfflineRetrievalCheck}).
 */
final class ImChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ConformanceCheck check;
    private final XmppClient user;

    private ImChecks(ConformanceCheck check, XmppClient user) {
        this.check = check;
        this.user = user;
    }

    static void run(ConformanceCheck check, XmppClient user, StreamFeatures offered) {
        new ImChecks(check, user).run(offered);
    }

    private void run(StreamFeatures offered) {
        Jid stranger = Jid.of("starling-check-" + random(6) + "@" + check.target().jid().domain());
        BlockingQueue<RosterItem> pushes = queue(user.roster().changes());
        check.check("RFC 6121", "2.2", "retrieve the roster", () -> ConformanceCheck.pass(user.roster().load().block(TIMEOUT).size() + " items"));
        check.check("RFC 6121", "2.3", "add a roster item: result and push", () -> {
            user.roster().put(stranger, Option.some("Check"), Array.of("Starling check")).block(TIMEOUT);
            RosterItem pushed = next(pushes, item -> item.jid().equals(stranger));
            return pushed.groups().contains("Starling check") ? ConformanceCheck.pass("pushed " + pushed.jid())
                    : ConformanceCheck.fail("pushed without the group: " + pushed);
        });
        check.check("RFC 6121", "2.5", "delete a roster item: result and push", () -> {
            user.roster().remove(stranger).block(TIMEOUT);
            next(pushes, item -> item.jid().equals(stranger) && item.effectiveSubscription() == ItemSubscription.REMOVE);
            return ConformanceCheck.pass("removal pushed");
        });
        DiscoInfo server = user.discoInfo(Option.some(check.target().jid().domainJid())).block(TIMEOUT);
        EverydayChecks.onServer(check, user, stranger, server);
        blocking(stranger);
        storage(server);
        PrivacyCheck.run(check, user, server, stranger);
        if (offered.feature(RegisterFeature.class).isEmpty()) {
            for (String[] flow : new String[][]{{"3.1", "subscription request and approval"}, {"3.1", "mutual subscription"},
                    {"4.2", "presence between subscribers"}, {"4.5", "unavailable presence when a session ends"},
                    {"8.5", "offline message with its delay (XEP-0160, XEP-0203)"}}) {
                check.notOffered("RFC 6121", flow[0], flow[1], "needs a second account: the server does not offer in-band registration");
            }
            check.notOffered("XEP-0013", "2", "flexible offline message retrieval", "needs a second account: the server does not offer in-band registration");
            EverydayChecks.notOffered(check, "needs a second account: the server does not offer in-band registration");
            return;
        }
        withContact(pushes);
    }

    private void withContact(BlockingQueue<RosterItem> pushes) {
        Jid contact = Jid.of("starling-check-" + random(6) + "@" + check.target().jid().domain());
        String password = random(12);
        XmppClient[] other = {null};
        try {
            other[0] = check.connect(config(contact, password).withRegistration(HashMap.of("email", contact + ".invalid")),
                    check.target().server(), false);
            Jid me = user.jid().bare();
            BlockingQueue<Jid> requests = queue(other[0].roster().subscriptionRequests());
            BlockingQueue<Presence> toUser = queue(user.stanzas().ofType(Presence.class));
            other[0].roster().load().block(TIMEOUT);
            other[0].available().block(TIMEOUT);
            check.check("RFC 6121", "3.1", "subscription request and approval", () -> {
                user.roster().subscribe(contact).block(TIMEOUT);
                Jid asking = requests.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (asking == null || !asking.equals(me)) {
                    return ConformanceCheck.fail("the contact got no request (got " + asking + ")");
                }
                other[0].roster().approve(me).block(TIMEOUT);
                next(pushes, item -> item.jid().equals(contact) && item.effectiveSubscription() == ItemSubscription.TO);
                return ConformanceCheck.pass("approved: subscription 'to'");
            });
            BlockingQueue<Jid> userRequests = queue(user.roster().subscriptionRequests());
            check.check("RFC 6121", "3.1", "mutual subscription", () -> {
                user.roster().approve(contact).block(TIMEOUT); // a pre-approval (RFC 6121 §3.4) where the server keeps them
                other[0].roster().subscribe(me).block(TIMEOUT);
                Jid asking = userRequests.poll(2, TimeUnit.SECONDS);
                if (asking != null && asking.equals(contact)) {
                    user.roster().approve(contact).block(TIMEOUT); // no pre-approval kept: approve the request itself
                }
                next(pushes, item -> item.jid().equals(contact) && item.effectiveSubscription() == ItemSubscription.BOTH);
                return ConformanceCheck.pass(asking == null ? "subscription 'both' (pre-approved)" : "subscription 'both'");
            });
            check.check("RFC 6121", "4.2", "presence between subscribers", () -> {
                user.available().block(TIMEOUT);
                other[0].send(Presence.available()).block(TIMEOUT);
                Presence seen = nextPresence(toUser, contact, true);
                return ConformanceCheck.pass("got the contact's presence from " + seen.from().get());
            });
            EverydayChecks.withContact(check, user, other[0], toUser);
            check.check("RFC 6121", "4.5", "unavailable presence when a session ends", () -> {
                other[0].close().block(TIMEOUT);
                Presence gone = nextPresence(toUser, contact, false);
                return ConformanceCheck.pass("unavailable from " + gone.from().get());
            });
            offline(contact, password);
            OfflineRetrievalCheck.run(check, user, contact, password);
        } catch (RuntimeException failed) {
            check.check("RFC 6121", "3.1", "subscription request and approval", () -> ConformanceCheck.fail(
                    "could not set up the contact account " + contact + ": " + failed.getMessage()));
        } finally {
            user.roster().remove(contact).onErrorResume(e -> reactor.core.publisher.Mono.empty()).block(TIMEOUT);
            try {
                XmppClient last = check.connect(config(contact, password), check.target().server(), false);
                last.cancelRegistration().block(TIMEOUT);
            } catch (RuntimeException ignored) {
                // the contact was never created, or is already gone
            }
        }
    }

    /** XEP-0054, "not offered" when the server does not announce vcard-temp; XEP-0049, "not offered" when the server refuses it. */
    private void storage(DiscoInfo server) {
        if (!server.hasFeature("vcard-temp")) {
            check.notOffered("XEP-0054", "3.2", "set and read the account's vCard", "the server does not announce vcard-temp");
        } else {
            check.check("XEP-0054", "3.2", "set and read the account's vCard", () -> {
                Element before = user.storage().vcard(Option.none()).block(TIMEOUT);
                Element card = Element.builder("vcard-temp", "vCard").child(Element.builder("vcard-temp", "NICKNAME").text("starling check").build()).build();
                user.storage().setVcard(card).block(TIMEOUT);
                Element after = user.storage().vcard(Option.none()).block(TIMEOUT);
                user.storage().setVcard(before).block(TIMEOUT); // put back what was there
                return after.element("vcard-temp", "NICKNAME").exists(n -> n.text().equals("starling check"))
                        ? ConformanceCheck.pass("stored and returned") : ConformanceCheck.fail("got " + after);
            });
        }
        // XEP-0049 defines no discovery (servers such as ejabberd do not announce it): the store is tried, and a server
        // without it answers service-unavailable or feature-not-implemented (RFC 6120 §8.3.3)
        check.check("XEP-0049", "2", "private XML storage", () -> {
            Element prefs = Element.builder("urn:starling:check", "prefs")
                    .child(Element.builder("urn:starling:check", "run").text(random(4)).build()).build();
            try {
                user.storage().store(prefs).block(TIMEOUT);
            } catch (dev.starling.io.client.XmppException refused) {
                var condition = refused.stanzaError().map(e -> e.condition());
                if (condition.exists(c -> c == dev.starling.model.stanza.StanzaErrorCondition.SERVICE_UNAVAILABLE
                        || c == dev.starling.model.stanza.StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED)) {
                    return ConformanceCheck.notOffered("the server answers " + condition.get().wireName());
                }
                throw refused;
            }
            var loaded = user.storage().load(prefs.name()).block(TIMEOUT);
            return loaded.exists(stored -> dev.starling.codec.xml.XmlEquivalence.equivalent(stored, prefs))
                    ? ConformanceCheck.pass("stored and returned") : ConformanceCheck.fail("got " + loaded);
        });
    }

    /** XEP-0191: block a JID, see it listed and pushed, unblock everyone; "not offered" without the disco feature. */
    private void blocking(Jid stranger) {
        DiscoInfo info = user.discoInfo(Option.some(check.target().jid().domainJid())).block(TIMEOUT);
        if (!info.hasFeature("urn:xmpp:blocking")) {
            check.notOffered("XEP-0191", "3.3", "block and unblock a JID", "the server does not announce urn:xmpp:blocking");
            return;
        }
        check.check("XEP-0191", "3.3", "block and unblock a JID", () -> {
            user.blocking().load().block(TIMEOUT);
            BlockingQueue<dev.starling.model.blocking.BlockingCommand> pushes = queue(user.blocking().changes());
            user.blocking().block(stranger).block(TIMEOUT);
            boolean listed = user.blocking().load().block(TIMEOUT).contains(stranger);
            boolean pushed = pushes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS) instanceof dev.starling.model.blocking.BlockingCommand.Block;
            user.blocking().unblock(stranger).block(TIMEOUT);
            boolean gone = !user.blocking().load().block(TIMEOUT).contains(stranger);
            return listed && pushed && gone ? ConformanceCheck.pass("blocked, pushed, listed and unblocked")
                    : ConformanceCheck.fail("listed " + listed + ", pushed " + pushed + ", unblocked " + gone);
        });
    }

    private void offline(Jid contact, String password) {
        DiscoInfo info = user.discoInfo(Option.some(check.target().jid().domainJid())).block(TIMEOUT);
        if (!info.hasFeature("msgoffline")) {
            check.notOffered("RFC 6121", "8.5", "offline message with its delay (XEP-0160, XEP-0203)",
                    "the server does not announce msgoffline");
            return;
        }
        check.check("RFC 6121", "8.5", "offline message with its delay (XEP-0160, XEP-0203)", () -> {
            user.send(Message.chat(contact, "kept for you by the starling check")).block(TIMEOUT);
            user.ping(Option.none()).block(TIMEOUT);
            XmppClient back = check.connect(config(contact, password), check.target().server(), false);
            BlockingQueue<Message> messages = queue(back.stanzas().ofType(Message.class));
            back.available().block(TIMEOUT);
            Message message = messages.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            back.close().block(TIMEOUT);
            if (message == null) {
                return ConformanceCheck.fail("nothing delivered after the contact came online");
            }
            return message.firstChild(Delay.class).isDefined()
                    ? ConformanceCheck.pass("delivered, delayed since " + message.firstChild(Delay.class).get().stamp())
                    : ConformanceCheck.fail("delivered without a delay stamp");
        });
    }

    private static Presence nextPresence(BlockingQueue<Presence> queue, Jid from, boolean available) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Presence presence = queue.poll(250, TimeUnit.MILLISECONDS);
            if (presence != null && presence.from().exists(jid -> jid.bare().equals(from))
                    && (available ? presence.type().isEmpty() : presence.type().contains(PresenceType.UNAVAILABLE))) {
                return presence;
            }
        }
        throw new IllegalStateException("no " + (available ? "available" : "unavailable") + " presence from " + from);
    }

    private static RosterItem next(BlockingQueue<RosterItem> pushes, Predicate<RosterItem> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            RosterItem item = pushes.poll(250, TimeUnit.MILLISECONDS);
            if (item != null && wanted.test(item)) {
                return item;
            }
        }
        throw new IllegalStateException("no such roster push");
    }

    private static <T> BlockingQueue<T> queue(Flux<T> flux) {
        BlockingQueue<T> queue = new LinkedBlockingQueue<>();
        flux.subscribe(queue::add);
        return queue;
    }

    private static ClientConfig config(Jid jid, String password) {
        return ClientConfig.of(jid, password).withKeepalive(Option.none());
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
