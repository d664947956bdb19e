package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.bytestreams.S5bRequester;
import dev.starling.machine.bytestreams.Socks5Proxy;
import dev.starling.machine.bytestreams.StreamhostSelection;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.si.SiNegotiation;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.disco.Identity;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed document's own exchange ({@code ../shared/seeds/000_*.txt}): an xiff client sends a
 * file to Spark through Openfire's proxy. Its ten stanzas, kept in
 * {@code seed/openfire-file-transfer.xml}, run through Starling's machines as the parties they
 * stand for: the XEP-0096 offer read by the receiver; Spark's answer, which lists both methods
 * (the fault-tolerant form, read as SOCKS5 first with IBB kept as the fallback); the proxy found
 * in disco#items; the proxy's address as {@link Socks5Proxy} gives it; the requester's offer; the
 * target's streamhost-used (Spark's without the sid Starling writes, as XEP-0065 Example 16
 * does); the activation and the proxy's result.
 */
class SeedExchangeReplayTest {

    private static final Jid SENDER = Jid.of("iphone@192.168.1.113/xiff");
    private static final Jid RECEIVER = Jid.of("android@192.168.1.113/Spark 2.6.3");
    private static final Jid PROXY = Jid.of("proxy.192.168.1.113");
    private static final String SID = "82B0C697-C1DE-93F9-103E-481C8E7A3BD8";
    private static final Streamhost STREAMHOST = new Streamhost(PROXY, "192.168.1.113", 7777);
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final Array<String> METHODS = Array.of(BytestreamQuery.NAMESPACE, InBandBytestream.NAMESPACE);

    @Test
    void theSeedsExchangeRunsThroughTheMachines() throws IOException {
        List<Stanza> seed = seed();
        assertThat(seed).hasSize(10);

        // the XEP-0096 offer, as Spark reads it
        SiNegotiation.Offer offer = SiNegotiation.read((Iq) seed.get(0), METHODS).get();
        assertThat(offer.sid()).isEqualTo(SID);
        assertThat(offer.from()).isEqualTo(SENDER);
        assertThat(offer.safeName()).isEqualTo("img0545.png");
        assertThat(offer.size()).isEqualTo(152443);

        // Spark's answer lists both methods: SOCKS5 is used first
        SiNegotiation.Accepted accepted = SiNegotiation.answer((Iq) seed.get(1), METHODS).get();
        assertThat(accepted.method()).isEqualTo(BytestreamQuery.NAMESPACE);

        // the server's items name the proxy
        DiscoItems items = ((Iq) seed.get(3)).firstChild(DiscoItems.class).get();
        assertThat(items.items().map(item -> item.jid())).contains(PROXY);

        // the proxy's answer to the address request, as Starling's proxy machine gives it
        Socks5Proxy.Config proxy = new Socks5Proxy.Config(STREAMHOST, new EntityServices(Array.of(Identity.of("proxy", "bytestreams",
                "Socks 5 Bytestreams Proxy")), Array.of(BytestreamQuery.NAMESPACE), Array.empty(), SoftwareVersion.of("Starling", "seed")),
                16, Duration.ofSeconds(60));
        Iq addressRequest = ((Iq) seed.get(4)).withFrom(Option.some(SENDER));
        Step<Socks5Proxy.State, Socks5Proxy.Output> address = Socks5Proxy.step(proxy, Socks5Proxy.initial(),
                new Socks5Proxy.Input.Request(addressRequest, FRESH.now()));
        assertThat(sentByProxy(address).map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(seed.get(5)));

        // the requester's offer of the proxy
        S5bRequester.Config requester = new S5bRequester.Config(SENDER, RECEIVER, SID, Array.of(STREAMHOST));
        Step<S5bRequester.State, S5bRequester.Output> start = S5bRequester.step(requester, S5bRequester.initial(), new S5bRequester.Input.Start(), FRESH);
        Iq streamhostOffer = ((S5bRequester.Output.Send) start.outputs().single()).iq();
        assertThat(ExampleStanzas.normalized(streamhostOffer))
                .isEqualTo(ExampleStanzas.normalized(seed.get(6).withId(Option.some(streamhostOffer.iqId())).withFrom(Option.none())));

        // Spark connects to the proxy and answers streamhost-used
        Step<StreamhostSelection.State, StreamhostSelection.Output> target = StreamhostSelection.start((Iq) seed.get(6), RECEIVER, Duration.ofSeconds(5));
        assertThat(target.outputs()).contains(new StreamhostSelection.Output.Connect(0, STREAMHOST, DstAddr.of(SID, SENDER, RECEIVER)));
        Step<StreamhostSelection.State, StreamhostSelection.Output> used = StreamhostSelection.step(target.state(),
                new StreamhostSelection.Input.Connected(0), Duration.ofSeconds(5));
        Iq usedAnswer = used.outputs().filter(StreamhostSelection.Output.Send.class::isInstance)
                .map(o -> ((StreamhostSelection.Output.Send) o).iq()).single();
        // Spark's answer leaves out the sid that XEP-0065 Example 16 (and Starling) put on the query; the rest is the same
        Iq spark = (Iq) seed.get(7);
        assertThat(usedAnswer.iqId()).isEqualTo(spark.iqId());
        assertThat(usedAnswer.to()).isEqualTo(spark.to());
        assertThat(usedAnswer.firstChild(BytestreamQuery.class).flatMap(BytestreamQuery::used))
                .isEqualTo(spark.firstChild(BytestreamQuery.class).flatMap(BytestreamQuery::used)).contains(PROXY);

        // the requester connects to the proxy and asks it to activate
        Step<S5bRequester.State, S5bRequester.Output> chose = S5bRequester.step(requester, start.state(),
                new S5bRequester.Input.Answer((Iq) seed.get(7).withId(Option.some(streamhostOffer.iqId()))), FRESH);
        assertThat(chose.outputs()).containsExactly(new S5bRequester.Output.ConnectProxy(STREAMHOST, DstAddr.of(SID, SENDER, RECEIVER)));
        Step<S5bRequester.State, S5bRequester.Output> connected = S5bRequester.step(requester, chose.state(), new S5bRequester.Input.ProxyConnected(), FRESH);
        Iq activate = ((S5bRequester.Output.Send) connected.outputs().single()).iq();
        assertThat(ExampleStanzas.normalized(activate))
                .isEqualTo(ExampleStanzas.normalized(seed.get(8).withId(Option.some(activate.iqId())).withFrom(Option.none())));

        // the proxy, with both connections in, activates and answers as Openfire did
        String hash = DstAddr.of(SID, SENDER, RECEIVER);
        Socks5Proxy.State both = Socks5Proxy.step(proxy, Socks5Proxy.step(proxy, address.state(),
                new Socks5Proxy.Input.Arrived(1, hash, FRESH.now())).state(), new Socks5Proxy.Input.Arrived(2, hash, FRESH.now())).state();
        Step<Socks5Proxy.State, Socks5Proxy.Output> activated = Socks5Proxy.step(proxy, both, new Socks5Proxy.Input.Request((Iq) seed.get(8), FRESH.now()));
        assertThat(activated.outputs()).contains(new Socks5Proxy.Output.Relay(1, 2));
        assertThat(sentByProxy(activated).map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(seed.get(9)));
        assertThat(S5bRequester.step(requester, connected.state(), new S5bRequester.Input.Answer((Iq) seed.get(9).withId(Option.some(activate.iqId()))),
                FRESH).outputs()).containsExactly(new S5bRequester.Output.Ready(0, STREAMHOST));
    }

    private static List<Stanza> sentByProxy(Step<Socks5Proxy.State, Socks5Proxy.Output> step) {
        return step.outputs().filter(Socks5Proxy.Output.Send.class::isInstance).map(o -> ((Socks5Proxy.Output.Send) o).stanza()).toList();
    }

    private static List<Stanza> seed() throws IOException {
        try (InputStream in = SeedExchangeReplayTest.class.getResourceAsStream("/seed/openfire-file-transfer.xml")) {
            return List.ofAll(ExampleStanzas.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
