package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.bytestreams.Socks5Accepting;
import dev.starling.machine.bytestreams.Socks5Connecting;
import dev.starling.machine.bytestreams.Socks5Proxy;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Socks5Message;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.Identity;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy of XEP-0065 §4 and §6 as the pure {@link Socks5Proxy}, fed the spec's examples
 * (5 to 8, 23, 24) and the activation errors of §6.3.5; and the two sides of the SOCKS5
 * handshake (RFC 1928 as §5.3.2 and §5.3.3 use it) as {@link Socks5Accepting} and
 * {@link Socks5Connecting}.
 */
class Socks5ProxyReplayTest {

    private static final String SPEC = "xep-0065";
    private static final Jid PROXY = Jid.of("streamer.example.com");
    private static final Jid REQUESTER = Jid.of("requester@example.com/foo");
    private static final Jid TARGET = Jid.of("target@example.org/bar");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Socks5Proxy.Config CONFIG = new Socks5Proxy.Config(new Streamhost(PROXY, "24.24.24.1", 7625),
            new EntityServices(Array.of(Identity.of("proxy", "bytestreams", "File Transfer Relay")), Array.of(BytestreamQuery.NAMESPACE),
                    Array.empty(), SoftwareVersion.of("Starling", "test")), 4, Duration.ofSeconds(60));
    private static final String HASH = DstAddr.of("vxf9n471bn46", REQUESTER, TARGET);

    @Test
    void example5sDiscoveryGetsTheProxyIdentityOfExample6() {
        Iq answer = (Iq) sent(Socks5Proxy.step(CONFIG, Socks5Proxy.initial(), new Socks5Proxy.Input.Request((Iq) example(5), NOW))).single();
        DiscoInfo info = answer.firstChild(DiscoInfo.class).get();
        DiscoInfo expected = ((Iq) example(6)).firstChild(DiscoInfo.class).get();
        assertThat(info.identities()).containsExactlyElementsOf(expected.identities());
        assertThat(info.features()).containsAll(expected.features());
        assertThat(answer.to()).contains(REQUESTER);
    }

    @Test
    void example7sAddressRequestGetsExample8() {
        Seq<Stanza> sent = sent(Socks5Proxy.step(CONFIG, Socks5Proxy.initial(), new Socks5Proxy.Input.Request((Iq) example(7), NOW)));
        assertThat(sent.map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(example(8)));
    }

    /** §4, Example 9: a proxy that serves only its own domain's users answers anyone else's address query with forbidden, and refuses their activation too. */
    @Test
    void aRequesterTheProxyDoesNotServeGetsExample9() {
        Socks5Proxy.Config local = new Socks5Proxy.Config(CONFIG.streamhost(), CONFIG.services(), CONFIG.maxPending(), CONFIG.idle(),
                io.vavr.collection.HashSet.of("example.net"));
        Seq<Stanza> sent = sent(Socks5Proxy.step(local, Socks5Proxy.initial(), new Socks5Proxy.Input.Request((Iq) example(7), NOW)));
        assertThat(sent.map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(example(9)));
        Iq refused = (Iq) sent(Socks5Proxy.step(local, Socks5Proxy.initial(), new Socks5Proxy.Input.Request((Iq) example(23), NOW))).single();
        assertThat(refused.error().get().condition()).isEqualTo(dev.starling.model.stanza.StanzaErrorCondition.FORBIDDEN);
        Socks5Proxy.Config theirs = new Socks5Proxy.Config(CONFIG.streamhost(), CONFIG.services(), CONFIG.maxPending(), CONFIG.idle(),
                io.vavr.collection.HashSet.of("example.com"));
        assertThat(sent(Socks5Proxy.step(theirs, Socks5Proxy.initial(), new Socks5Proxy.Input.Request((Iq) example(7), NOW)))
                .map(ExampleStanzas::normalized)).as("the requester's own domain is served").containsExactly(ExampleStanzas.normalized(example(8)));
    }

    @Test
    void example23ActivatesTheTwoConnectionsOfTheStreamAndGetsExample24() {
        Socks5Proxy.State state = Socks5Proxy.initial();
        Step<Socks5Proxy.State, Socks5Proxy.Output> target = Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Arrived(1, HASH, NOW));
        assertThat(target.outputs()).containsExactly(new Socks5Proxy.Output.Admit(1));
        Step<Socks5Proxy.State, Socks5Proxy.Output> requester = Socks5Proxy.step(CONFIG, target.state(), new Socks5Proxy.Input.Arrived(2, HASH, NOW));
        Step<Socks5Proxy.State, Socks5Proxy.Output> activated = Socks5Proxy.step(CONFIG, requester.state(),
                new Socks5Proxy.Input.Request((Iq) example(23), NOW));
        assertThat(activated.outputs()).contains(new Socks5Proxy.Output.Relay(1, 2));
        assertThat(sent(activated).map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(example(24)));

        Step<Socks5Proxy.State, Socks5Proxy.Output> again = Socks5Proxy.step(CONFIG, activated.state(),
                new Socks5Proxy.Input.Request((Iq) example(23), NOW));
        assertThat(again.state()).isEqualTo(activated.state()); // the owner's repeat changes nothing and is answered (Prosody's proxy65 does so too)
        assertThat(again.outputs()).noneMatch(Socks5Proxy.Output.Relay.class::isInstance);
        assertThat(sent(again).map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(example(24)));
        Step<Socks5Proxy.State, Socks5Proxy.Output> left = Socks5Proxy.step(CONFIG, activated.state(), new Socks5Proxy.Input.Left(1));
        assertThat(left.outputs()).containsExactly(new Socks5Proxy.Output.Close(2, "the other side closed"));
        assertThat(left.state().connections()).isEmpty();
    }

    @Test
    void activationErrorsFollowSection635() {
        Iq activate = (Iq) example(23);
        assertThat(condition(Socks5Proxy.step(CONFIG, Socks5Proxy.initial(), new Socks5Proxy.Input.Request(activate, NOW))))
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND); // unknown stream
        Socks5Proxy.State one = Socks5Proxy.step(CONFIG, Socks5Proxy.initial(), new Socks5Proxy.Input.Arrived(1, HASH, NOW)).state();
        assertThat(condition(Socks5Proxy.step(CONFIG, one, new Socks5Proxy.Input.Request(activate, NOW))))
                .isEqualTo(StanzaErrorCondition.NOT_ALLOWED); // only one side connected
        Socks5Proxy.State two = Socks5Proxy.step(CONFIG, one, new Socks5Proxy.Input.Arrived(2, HASH, NOW)).state();
        Iq someoneElse = (Iq) activate.withFrom(io.vavr.control.Option.some(Jid.of("mallory@example.com/x")));
        Step<Socks5Proxy.State, Socks5Proxy.Output> stolen = Socks5Proxy.step(CONFIG, two, new Socks5Proxy.Input.Request(someoneElse, NOW));
        assertThat(condition(stolen)).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND); // someone else's SID hashes differently
        assertThat(stolen.outputs()).noneMatch(Socks5Proxy.Output.Relay.class::isInstance);
    }

    @Test
    void aThirdConnectionTooManyPendingAndStaleOnesAreRefused() {
        Socks5Proxy.State state = Socks5Proxy.initial();
        state = Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Arrived(1, HASH, NOW)).state();
        state = Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Arrived(2, HASH, NOW)).state();
        assertThat(Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Arrived(3, HASH, NOW)).outputs())
                .containsExactly(new Socks5Proxy.Output.Refuse(3, "this stream already has both sides"));
        state = Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Arrived(4, "a", NOW)).state();
        state = Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Arrived(5, "b", NOW.plusSeconds(50))).state();
        assertThat(Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Arrived(6, "c", NOW)).outputs())
                .containsExactly(new Socks5Proxy.Output.Refuse(6, "too many streams wait for activation"));
        Step<Socks5Proxy.State, Socks5Proxy.Output> tick = Socks5Proxy.step(CONFIG, state, new Socks5Proxy.Input.Tick(NOW.plusSeconds(60)));
        assertThat(tick.outputs()).extracting(o -> ((Socks5Proxy.Output.Close) o).connection()).containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThat(tick.state().connections().keySet()).containsExactly(5L);
    }

    @Test
    void theHandshakeSidesAgreeOnRfc1928() {
        Step<Socks5Connecting.Phase, Socks5Connecting.Output> greet = Socks5Connecting.step(HASH, Socks5Connecting.Phase.IDLE,
                new Socks5Connecting.Input.Start());
        Socks5Message greeting = ((Socks5Connecting.Output.Send) greet.outputs().single()).message();
        Step<Socks5Accepting.State, Socks5Accepting.Output> chosen = Socks5Accepting.step(Socks5Accepting.initial(),
                new Socks5Accepting.Input.Received(greeting));
        Socks5Message method = ((Socks5Accepting.Output.Send) chosen.outputs().single()).message();
        assertThat(method).isEqualTo(new Socks5Message.MethodSelection(Socks5Message.NO_AUTH));
        Step<Socks5Connecting.Phase, Socks5Connecting.Output> connect = Socks5Connecting.step(HASH, greet.state(),
                new Socks5Connecting.Input.Received(method));
        Socks5Message request = ((Socks5Connecting.Output.Send) connect.outputs().single()).message();
        assertThat(request).isEqualTo(new Socks5Message.Request(Socks5Message.CONNECT, Socks5Message.AddressType.DOMAIN, HASH, 0));
        Step<Socks5Accepting.State, Socks5Accepting.Output> asked = Socks5Accepting.step(chosen.state(), new Socks5Accepting.Input.Received(request));
        assertThat(asked.outputs()).containsExactly(new Socks5Accepting.Output.Requested(HASH));
        Step<Socks5Accepting.State, Socks5Accepting.Output> admitted = Socks5Accepting.step(asked.state(), new Socks5Accepting.Input.Decided(true));
        Socks5Message reply = ((Socks5Accepting.Output.Send) admitted.outputs().get(0)).message();
        assertThat(reply).isEqualTo(new Socks5Message.Reply(Socks5Message.Status.SUCCEEDED, Socks5Message.AddressType.DOMAIN, HASH, 0));
        assertThat(admitted.outputs().get(1)).isEqualTo(new Socks5Accepting.Output.Accepted(HASH));
        assertThat(Socks5Connecting.step(HASH, connect.state(), new Socks5Connecting.Input.Received(reply)).outputs())
                .containsExactly(new Socks5Connecting.Output.Connected());
    }

    @Test
    void theStreamhostRefusesWhatXep0065DoesNotUse() {
        Socks5Accepting.State greeted = Socks5Accepting.step(Socks5Accepting.initial(),
                new Socks5Accepting.Input.Received(new Socks5Message.Greeting(Array.of(Socks5Message.NO_AUTH)))).state();
        assertThat(Socks5Accepting.step(Socks5Accepting.initial(), new Socks5Accepting.Input.Received(new Socks5Message.Greeting(Array.of(2))))
                .outputs().head()).isEqualTo(new Socks5Accepting.Output.Send(new Socks5Message.MethodSelection(0xFF)));
        assertThat(reply(greeted, new Socks5Message.Request(2, Socks5Message.AddressType.DOMAIN, HASH, 0)))
                .isEqualTo(Socks5Message.Status.COMMAND_NOT_SUPPORTED);
        assertThat(reply(greeted, new Socks5Message.Request(1, Socks5Message.AddressType.IPV4, "127.0.0.1", 0)))
                .isEqualTo(Socks5Message.Status.ADDRESS_TYPE_NOT_SUPPORTED);
        Socks5Accepting.State asked = Socks5Accepting.step(greeted, new Socks5Accepting.Input.Received(Socks5Message.Request.connect(HASH))).state();
        Step<Socks5Accepting.State, Socks5Accepting.Output> refused = Socks5Accepting.step(asked, new Socks5Accepting.Input.Decided(false));
        assertThat(((Socks5Message.Reply) ((Socks5Accepting.Output.Send) refused.outputs().head()).message()).status())
                .isEqualTo(Socks5Message.Status.NOT_ALLOWED);
        assertThat(refused.state().phase()).isEqualTo(Socks5Accepting.Phase.REFUSED);
        assertThat(Socks5Connecting.step(HASH, Socks5Connecting.Phase.METHOD,
                new Socks5Connecting.Input.Received(new Socks5Message.MethodSelection(0xFF))).outputs().single())
                .isInstanceOf(Socks5Connecting.Output.Failed.class);
    }

    private static Socks5Message.Status reply(Socks5Accepting.State state, Socks5Message.Request request) {
        Step<Socks5Accepting.State, Socks5Accepting.Output> step = Socks5Accepting.step(state, new Socks5Accepting.Input.Received(request));
        assertThat(step.state().phase()).isEqualTo(Socks5Accepting.Phase.REFUSED);
        return ((Socks5Message.Reply) ((Socks5Accepting.Output.Send) step.outputs().head()).message()).status();
    }

    private static StanzaErrorCondition condition(Step<Socks5Proxy.State, Socks5Proxy.Output> step) {
        return ((Iq) sent(step).single()).error().get().condition();
    }

    private static Seq<Stanza> sent(Step<Socks5Proxy.State, Socks5Proxy.Output> step) {
        return step.outputs().filter(Socks5Proxy.Output.Send.class::isInstance).map(o -> ((Socks5Proxy.Output.Send) o).stanza());
    }

    private static Stanza example(int number) {
        return ExampleStanzas.stanzas(SPEC, number).single();
    }
}
