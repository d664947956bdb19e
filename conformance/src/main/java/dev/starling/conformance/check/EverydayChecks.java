package dev.starling.conformance.check;

import dev.starling.io.client.XmppClient;
import dev.starling.io.client.XmppException;
import dev.starling.machine.caps.CapsVerification;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.im.Attention;
import dev.starling.model.im.Caps;
import dev.starling.model.im.ChatState;
import dev.starling.model.im.EntityTime;
import dev.starling.model.im.LastActivity;
import dev.starling.model.jid.Jid;
import dev.starling.model.ping.Ping;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Show;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The live check's everyday flows: on the server, an IQ to an account that does not exist
 * (RFC 6121 §8.5.1), its uptime (XEP-0012 §5) and time (XEP-0202); between the account and a
 * subscribed contact, show, status and priority (RFC 6121 §4.7), a chat state (XEP-0085), a
 * receipt (XEP-0184), attention (XEP-0224) and the contact's capabilities verified against its
 * disco#info (XEP-0115 §5.4).
 */
final class EverydayChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private EverydayChecks() {
    }

    /**
     * The checks that need only the account. The IQ goes to a full JID of the missing account:
     * servers answer some requests to a bare JID on the account's behalf (RFC 6120 §10.3.3;
     * Prosody and ejabberd answer a ping to any bare JID), never those to a resource.
     */
    static void onServer(ConformanceCheck check, XmppClient user, Jid nobody, DiscoInfo server) {
        Jid domain = check.target().jid().domainJid();
        check.check("RFC 6121", "8.5.1", "an IQ to an account that does not exist is service-unavailable", () -> {
            try {
                user.request(IqType.GET, Option.some(nobody.withResource("check").get()), new Ping()).block(TIMEOUT);
                return ConformanceCheck.fail("answered with a result");
            } catch (XmppException e) {
                return e.stanzaError().exists(error -> error.condition() == StanzaErrorCondition.SERVICE_UNAVAILABLE)
                        ? ConformanceCheck.pass(e.getMessage()) : ConformanceCheck.fail(e.getMessage());
            }
        });
        if (!server.hasFeature(LastActivity.NAMESPACE)) {
            check.notOffered("XEP-0012", "5", "the server's uptime", "the server does not announce " + LastActivity.NAMESPACE);
        } else {
            check.check("XEP-0012", "5", "the server's uptime", () -> {
                LastActivity last = user.request(IqType.GET, Option.some(domain), LastActivity.query()).block(TIMEOUT)
                        .firstChild(LastActivity.class).getOrElseThrow(() -> new IllegalStateException("a result without <query/>"));
                return last.seconds().isDefined() ? ConformanceCheck.pass("up " + last.seconds().get() + " s")
                        : ConformanceCheck.fail("no seconds");
            });
        }
        if (!server.hasFeature(EntityTime.NAMESPACE)) {
            check.notOffered("XEP-0202", "2", "the server's time", "the server does not announce " + EntityTime.NAMESPACE);
        } else {
            check.check("XEP-0202", "2", "the server's time", () -> {
                EntityTime time = user.request(IqType.GET, Option.some(domain), EntityTime.query()).block(TIMEOUT)
                        .firstChild(EntityTime.class).getOrElseThrow(() -> new IllegalStateException("a result without <time/>"));
                return time.utc().isDefined() && time.tzo().isDefined() ? ConformanceCheck.pass(time.utc().get() + " " + time.tzo().get())
                        : ConformanceCheck.fail("got " + time);
            });
        }
    }

    /**
     * The checks between the account and a contact both subscribed to each other and online;
     * {@code toUser} holds the presence the account received since the contact's session began.
     */
    static void withContact(ConformanceCheck check, XmppClient user, XmppClient contact, BlockingQueue<Presence> toUser) {
        BlockingQueue<Message> toContact = new LinkedBlockingQueue<>();
        contact.messages().subscribe(toContact::add);
        Presence[] seen = {null};
        check.check("RFC 6121", "4.7", "show, status and priority reach a subscriber", () -> {
            contact.presence().available(Option.some(Show.DND), Option.some("checking"), 3).block(TIMEOUT);
            seen[0] = next(toUser, p -> p.from().contains(contact.jid()) && p.show().contains(Show.DND));
            return seen[0].status().contains("checking") && seen[0].priority() == 3 ? ConformanceCheck.pass("dnd, \"checking\", priority 3")
                    : ConformanceCheck.fail("got " + seen[0]);
        });
        check.check("XEP-0115", "5.4", "the contact's capabilities verify against its disco#info", () -> {
            Option<Caps> advertised = Option.of(seen[0]).flatMap(p -> p.firstChild(Caps.class));
            if (advertised.isEmpty()) {
                return ConformanceCheck.fail("the contact's presence reached the account without its caps: " + seen[0]);
            }
            Caps caps = advertised.get();
            DiscoInfo info = user.request(IqType.GET, Option.some(contact.jid()),
                            new DiscoInfo(Option.some(caps.node() + "#" + caps.ver()), io.vavr.collection.Array.empty(),
                                    io.vavr.collection.Array.empty(), io.vavr.collection.Array.empty()))
                    .block(TIMEOUT).firstChild(DiscoInfo.class).getOrElseThrow(() -> new IllegalStateException("a result without <query/>"));
            return CapsVerification.sha1(info).fold(ConformanceCheck::fail,
                    ver -> ver.equals(caps.ver()) ? ConformanceCheck.pass("ver " + ver) : ConformanceCheck.fail(ver + " is not " + caps.ver()));
        });
        check.check("XEP-0085", "5.1", "a chat state reaches the contact", () -> {
            user.send(Message.empty().withType(MessageType.CHAT).withTo(Option.some(contact.jid())).withChild(ChatState.COMPOSING)).block(TIMEOUT);
            Message got = nextMessage(toContact, m -> m.firstChild(ChatState.class).isDefined());
            return got.firstChild(ChatState.class).contains(ChatState.COMPOSING) ? ConformanceCheck.pass("composing")
                    : ConformanceCheck.fail("got " + got);
        });
        check.check("XEP-0184", "4", "a receipt comes back", () -> {
            user.sendWithReceipt(Message.chat(contact.jid(), "a receipt, please")).block(TIMEOUT);
            return ConformanceCheck.pass("received");
        });
        check.check("XEP-0224", "3", "attention reaches the contact", () -> {
            user.send(Message.empty().withType(MessageType.HEADLINE).withTo(Option.some(contact.jid())).withChild(new Attention())).block(TIMEOUT);
            nextMessage(toContact, m -> m.firstChild(Attention.class).isDefined());
            return ConformanceCheck.pass("delivered");
        });
    }

    /** The contact checks, "not offered" for {@code reason}. */
    static void notOffered(ConformanceCheck check, String reason) {
        for (String[] flow : new String[][]{{"RFC 6121", "4.7", "show, status and priority reach a subscriber"},
                {"XEP-0115", "5.4", "the contact's capabilities verify against its disco#info"},
                {"XEP-0085", "5.1", "a chat state reaches the contact"}, {"XEP-0184", "4", "a receipt comes back"},
                {"XEP-0224", "3", "attention reaches the contact"}}) {
            check.notOffered(flow[0], flow[1], flow[2], reason);
        }
    }

    private static Presence next(BlockingQueue<Presence> queue, Predicate<Presence> wanted) throws InterruptedException {
        return poll(queue, wanted, "no such presence");
    }

    private static Message nextMessage(BlockingQueue<Message> queue, Predicate<Message> wanted) throws InterruptedException {
        return poll(queue, wanted, "no such message");
    }

    private static <T> T poll(BlockingQueue<T> queue, Predicate<T> wanted, String none) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            T item = queue.poll(250, TimeUnit.MILLISECONDS);
            if (item != null && wanted.test(item)) {
                return item;
            }
        }
        throw new IllegalStateException(none);
    }
}
