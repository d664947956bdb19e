package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.machine.caps.CapsCache;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.im.Attention;
import dev.starling.model.im.Caps;
import dev.starling.model.im.ChatState;
import dev.starling.model.im.EntityTime;
import dev.starling.model.im.LastActivity;
import dev.starling.model.im.LegacyTime;
import dev.starling.model.im.Receipt;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The everyday extensions over real sockets: the server's time (XEP-0202, XEP-0090) and uptime
 * (XEP-0012); a client's capabilities in its presence verified against its own disco#info
 * (XEP-0115); and chat states, a receipt request that Romeo's client answers by itself (so
 * Juliet's {@code sendWithReceipt} completes), and attention, carried in messages between two
 * Starling clients (XEP-0085, XEP-0184, XEP-0224).
 */
class ExtensionsWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid DOMAIN = Jid.of("localhost");

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theServerTellsItsTimeAndUptime() {
        XmppClient juliet = fixture.connect("juliet");
        Instant before = Instant.now().minusSeconds(1);
        EntityTime time = juliet.extensions().time(DOMAIN).block(WAIT);
        assertThat(time.utc().get()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(time.tzo()).contains("+00:00");
        LegacyTime legacy = juliet.extensions().legacyTime(DOMAIN).block(WAIT);
        assertThat(legacy.utc().get()).matches("\\d{8}T\\d{2}:\\d{2}:\\d{2}");
        LastActivity uptime = juliet.extensions().lastActivity(DOMAIN).block(WAIT);
        assertThat(uptime.seconds().get()).isBetween(0L, 600L);
        juliet.close().block(WAIT);
    }

    @Test
    void capabilitiesInPresenceVerifyAgainstDisco() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        romeo.roster().subscribe(Jid.of("juliet@localhost")).block(WAIT);
        juliet.roster().approve(Jid.of("romeo@localhost")).block(WAIT);
        BlockingQueue<Presence> toRomeo = new LinkedBlockingQueue<>();
        romeo.stanzas().ofType(Presence.class).filter(p -> p.firstChild(Caps.class).isDefined()).subscribe(toRomeo::add);
        romeo.available().block(WAIT);
        juliet.available().block(WAIT);

        Presence presence = next(toRomeo, p -> p.from().exists(f -> f.bare().equals(Jid.of("juliet@localhost"))));
        Caps caps = presence.firstChild(Caps.class).get();
        DiscoInfo info = romeo.request(IqType.GET, presence.from(),
                        new DiscoInfo(Option.some(caps.node() + "#" + caps.ver()), io.vavr.collection.Array.empty(),
                                io.vavr.collection.Array.empty(), io.vavr.collection.Array.empty()))
                .block(WAIT).firstChild(DiscoInfo.class).get();
        CapsCache cache = CapsCache.EMPTY.learn(presence.from().get().toString(), caps, info);
        assertThat(cache.lookup("someone@else/x", caps)).as("the ver verified, so it is shared (XEP-0115 §5.4)").contains(info);
        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    @Test
    void chatStatesReceiptsAndAttentionTravelInMessages() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        BlockingQueue<Message> toRomeo = new LinkedBlockingQueue<>();
        romeo.stanzas().ofType(Message.class).subscribe(toRomeo::add);
        BlockingQueue<Message> toJuliet = new LinkedBlockingQueue<>();
        juliet.stanzas().ofType(Message.class).subscribe(toJuliet::add);
        romeo.ping(Option.none()).block(WAIT);

        juliet.extensions().chatState(romeo.jid(), ChatState.COMPOSING).block(WAIT);
        Message composing = next(toRomeo, m -> true);
        assertThat(composing.firstChild(ChatState.class)).contains(ChatState.COMPOSING);
        assertThat(composing.body()).as("a standalone notification (XEP-0085 §5.1)").isEmpty();

        juliet.sendWithReceipt(Message.chat(romeo.jid(), "wherefore?").withId(Option.some("r1")).withChild(ChatState.ACTIVE))
                .block(WAIT); // completes only when Romeo's client acknowledged it (XEP-0184 §5)
        Message asked = next(toRomeo, m -> m.body().contains("wherefore?"));
        assertThat(asked.firstChild(Receipt.Request.class)).isNotEmpty();
        assertThat(next(toJuliet, m -> m.firstChild(Receipt.Received.class).isDefined()).firstChild(Receipt.Received.class).get().id())
                .contains("r1");

        juliet.extensions().attention(romeo.jid(), Option.some("Romeo!")).block(WAIT);
        assertThat(next(toRomeo, m -> m.firstChild(Attention.class).isDefined()).body()).contains("Romeo!");
        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    private static <T> T next(BlockingQueue<T> queue, java.util.function.Predicate<T> wanted) throws InterruptedException {
        return Arrivals.next(queue, wanted, WAIT);
    }
}
