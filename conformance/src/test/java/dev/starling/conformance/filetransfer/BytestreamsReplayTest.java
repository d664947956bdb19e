package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.bytestreams.S5bRequester;
import dev.starling.machine.bytestreams.StreamhostSelection;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0065's examples through the target's {@link StreamhostSelection} and the requester's
 * {@link S5bRequester}: the direct connection of §5 (Examples 11, 15, 16), the mediated one of §6
 * (Examples 17, 20, 23, 24), the proxy's address query of §4 (Examples 7, 8), and Example 25's
 * DST.ADDR as a test vector for the hash.
 */
class BytestreamsReplayTest {

    private static final String SPEC = "xep-0065";
    private static final Jid REQUESTER = Jid.of("requester@example.com/foo");
    private static final Jid TARGET = Jid.of("target@example.org/bar");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));

    @Test
    void example25sDstaddrIsTheHashOfSidRequesterAndTargetAsAddressed() {
        assertThat(DstAddr.of("yia72g3v49j7", REQUESTER, Jid.of("room@conference.example.net/Tget")))
                .isEqualTo("416781edf1ae50bad01cb8509ba35b43952bc345");
        BytestreamQuery forwarded = (BytestreamQuery) ((Iq) example(26)).payload().get();
        assertThat(forwarded.dstaddr()).contains("416781edf1ae50bad01cb8509ba35b43952bc345");
    }

    @Test
    void theTargetConnectsToExample11sHostAndAnswersExample16() {
        Iq offer = (Iq) example(11);
        Step<StreamhostSelection.State, StreamhostSelection.Output> start = StreamhostSelection.start(offer, TARGET, TIMEOUT);
        Streamhost host = new Streamhost(REQUESTER, "192.168.4.1", 5086);
        assertThat(start.outputs()).containsExactly(
                new StreamhostSelection.Output.Connect(0, host, DstAddr.of("vxf9n471bn46", REQUESTER, TARGET)),
                new StreamhostSelection.Output.StartTimer(0, TIMEOUT));

        Step<StreamhostSelection.State, StreamhostSelection.Output> connected = StreamhostSelection.step(start.state(),
                new StreamhostSelection.Input.Connected(0), TIMEOUT);
        assertThat(sent(connected.outputs())).containsExactly(normalized(example(16)));
        assertThat(connected.outputs()).contains(new StreamhostSelection.Output.Ready(0, host));
    }

    @Test
    void aTargetThatReachesNoHostAnswersExample15() {
        Step<StreamhostSelection.State, StreamhostSelection.Output> start = StreamhostSelection.start((Iq) example(11), TARGET, TIMEOUT);
        Step<StreamhostSelection.State, StreamhostSelection.Output> failed = StreamhostSelection.step(start.state(),
                new StreamhostSelection.Input.TimedOut(0), TIMEOUT);
        assertThat(sent(failed.outputs())).containsExactly(normalized(example(15)));
        assertThat(failed.outputs()).contains(new StreamhostSelection.Output.Abandon(0),
                new StreamhostSelection.Output.Failed(StanzaErrorCondition.ITEM_NOT_FOUND));
    }

    @Test
    void anOfferWithoutSidOrStreamhostsIsBadRequestAndUdpIsNotAcceptable() {
        Iq offer = (Iq) example(11);
        Iq noSid = offer.withChildren(Array.of(new BytestreamQuery(Option.none(), "tcp", Option.none(),
                Array.of(new Streamhost(REQUESTER, "192.168.4.1", 5086)), Option.none(), Option.none())));
        assertThat(StreamhostSelection.start(noSid, TARGET, TIMEOUT).outputs()).contains(
                new StreamhostSelection.Output.Failed(StanzaErrorCondition.BAD_REQUEST));
        assertThat(StreamhostSelection.start((Iq) example(29), TARGET, TIMEOUT).outputs()).contains(
                new StreamhostSelection.Output.Failed(StanzaErrorCondition.NOT_ACCEPTABLE));
    }

    @Test
    void theRequesterOffersExample11AndUsesItsOwnHostOnlyOnceTheTargetConnected() {
        S5bRequester.Config config = new S5bRequester.Config(REQUESTER, TARGET, "vxf9n471bn46",
                Array.of(new Streamhost(REQUESTER, "192.168.4.1", 5086)));
        Step<S5bRequester.State, S5bRequester.Output> start = S5bRequester.step(config, S5bRequester.initial(), new S5bRequester.Input.Start(), FRESH);
        Iq offer = sentIq(start.outputs());
        assertThat(normalized(offer)).isEqualTo(normalized(asSent(example(11), offer.iqId())));

        Step<S5bRequester.State, S5bRequester.Output> answered = S5bRequester.step(config, start.state(),
                new S5bRequester.Input.Answer((Iq) example(16).withId(Option.some(offer.iqId()))), FRESH);
        assertThat(answered.outputs()).isEmpty(); // named, but its connection is not seen yet
        assertThat(answered.state().phase()).isEqualTo(S5bRequester.Phase.AWAITING_DIRECT);

        Step<S5bRequester.State, S5bRequester.Output> ready = S5bRequester.step(config, answered.state(),
                new S5bRequester.Input.TargetConnected(0), FRESH);
        assertThat(ready.outputs()).containsExactly(new S5bRequester.Output.Ready(0, config.hosts().head()));
    }

    @Test
    void theRequesterOffersExample17ThenConnectsToTheProxyAndActivatesAsExample23() {
        Streamhost proxy = new Streamhost(Jid.of("streamer.example.com"), "24.24.24.1", 7625);
        S5bRequester.Config config = new S5bRequester.Config(REQUESTER, TARGET, "vxf9n471bn46", Array.of(proxy));
        Step<S5bRequester.State, S5bRequester.Output> start = S5bRequester.step(config, S5bRequester.initial(), new S5bRequester.Input.Start(), FRESH);
        Iq offer = sentIq(start.outputs());
        assertThat(normalized(offer)).isEqualTo(normalized(asSent(example(17), offer.iqId())));

        Step<S5bRequester.State, S5bRequester.Output> answered = S5bRequester.step(config, start.state(),
                new S5bRequester.Input.Answer((Iq) example(20).withId(Option.some(offer.iqId()))), FRESH);
        assertThat(answered.outputs()).containsExactly(new S5bRequester.Output.ConnectProxy(proxy, config.dstAddr()));

        Step<S5bRequester.State, S5bRequester.Output> connected = S5bRequester.step(config, answered.state(),
                new S5bRequester.Input.ProxyConnected(), FRESH);
        Iq activate = sentIq(connected.outputs());
        assertThat(normalized(activate)).isEqualTo(normalized(asSent(example(23), activate.iqId())));

        Step<S5bRequester.State, S5bRequester.Output> ready = S5bRequester.step(config, connected.state(),
                new S5bRequester.Input.Answer((Iq) example(24).withId(Option.some(activate.iqId()))), FRESH);
        assertThat(ready.outputs()).containsExactly(new S5bRequester.Output.Ready(0, proxy));
    }

    @Test
    void theRequesterFailsOnExample15AndOnAHostItNeverOffered() {
        S5bRequester.Config config = new S5bRequester.Config(REQUESTER, TARGET, "vxf9n471bn46",
                Array.of(new Streamhost(REQUESTER, "192.168.4.1", 5086)));
        Step<S5bRequester.State, S5bRequester.Output> start = S5bRequester.step(config, S5bRequester.initial(), new S5bRequester.Input.Start(), FRESH);
        String id = sentIq(start.outputs()).iqId();
        assertThat(S5bRequester.step(config, start.state(), new S5bRequester.Input.Answer((Iq) example(15).withId(Option.some(id))), FRESH)
                .outputs()).singleElement().isInstanceOfSatisfying(S5bRequester.Output.Failed.class,
                        failed -> assertThat(failed.condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND));
        assertThat(S5bRequester.step(config, start.state(), new S5bRequester.Input.Answer((Iq) example(20).withId(Option.some(id))), FRESH)
                .state().phase()).isEqualTo(S5bRequester.Phase.FAILED); // Example 20 names a proxy this offer did not contain
    }

    /** §5.3.1, Example 12: a target that refuses the bytestream with not-acceptable fails the requester with that condition. */
    @Test
    void theRequesterFailsWhenTheTargetRefusesAsExample12() {
        S5bRequester.Config config = new S5bRequester.Config(REQUESTER, TARGET, "vxf9n471bn46",
                Array.of(new Streamhost(REQUESTER, "192.168.4.1", 5086)));
        Step<S5bRequester.State, S5bRequester.Output> start = S5bRequester.step(config, S5bRequester.initial(), new S5bRequester.Input.Start(), FRESH);
        String id = sentIq(start.outputs()).iqId();
        Step<S5bRequester.State, S5bRequester.Output> refused = S5bRequester.step(config, start.state(),
                new S5bRequester.Input.Answer((Iq) example(12).withId(Option.some(id))), FRESH);
        assertThat(refused.outputs()).singleElement().isInstanceOfSatisfying(S5bRequester.Output.Failed.class,
                failed -> assertThat(failed.condition()).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE));
        assertThat(refused.state().phase()).isEqualTo(S5bRequester.Phase.FAILED);
    }

    @Test
    void theProxyAddressExchangeOfExamples7And8RoundTrips() {
        assertThat(((Iq) example(7)).payload()).contains(BytestreamQuery.addressRequest());
        assertThat(((Iq) example(8)).payload()).contains(BytestreamQuery.address(
                Array.of(new Streamhost(Jid.of("streamer.example.com"), "24.24.24.1", 7625))));
    }

    private static Stanza example(int number) {
        return ExampleStanzas.stanzas(SPEC, number).single();
    }

    private static Stanza asSent(Stanza stanza, String id) {
        return stanza.withId(Option.some(id)).withFrom(Option.none());
    }

    private static Element normalized(Stanza stanza) {
        return ExampleStanzas.normalized(stanza);
    }

    private static Seq<Element> sent(Seq<StreamhostSelection.Output> outputs) {
        return outputs.filter(StreamhostSelection.Output.Send.class::isInstance)
                .map(o -> normalized(((StreamhostSelection.Output.Send) o).iq()));
    }

    private static Iq sentIq(Seq<S5bRequester.Output> outputs) {
        return outputs.filter(S5bRequester.Output.Send.class::isInstance).map(o -> ((S5bRequester.Output.Send) o).iq()).single();
    }
}
