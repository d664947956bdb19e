package dev.starling.conformance.check;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.ChannelBindingTypes;
import dev.starling.model.sasl.SaslMechanisms;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live conformance check: runs every client-side flow Starling implements against a server
 * over real sockets and reports, per spec section, pass, fail or not offered. Each later layer of
 * Starling adds its flows here.
 */
public final class ConformanceCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Seq<String> MECHANISMS = Array.of("SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512",
            "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-512-PLUS", "PLAIN");

    private final CheckTarget target;
    private final java.util.List<CheckResult> results = new ArrayList<>();

    private ConformanceCheck(CheckTarget target) {
        this.target = target;
    }

    /** Runs every check against the target, in order; blocks the calling thread (a command-line tool). */
    public static java.util.List<CheckResult> run(CheckTarget target) {
        ConformanceCheck check = new ConformanceCheck(target);
        check.all();
        return java.util.List.copyOf(check.results);
    }

    private void all() {
        AtomicReference<StreamFeatures> offered = new AtomicReference<>();
        Option<XmppClient> session = attempt("RFC 6120", "4.2-7", "open a stream, negotiate TLS and SASL, bind a resource",
                () -> {
                    XmppClient client = connect(config().withMechanisms(ClientConfig.DEFAULT_MECHANISMS), target.server(), false);
                    client.events().filter(SessionEvent.FeaturesOffered.class::isInstance)
                            .map(e -> ((SessionEvent.FeaturesOffered) e).features())
                            .filter(f -> f.feature(SaslMechanisms.class).isDefined()).take(1)
                            .subscribe(offered::set);
                    return client;
                }, client -> "bound " + client.jid());
        if (session.isEmpty()) {
            return;
        }
        XmppClient client = session.get();
        check("RFC 6120", "5.4", "STARTTLS", () -> eventSeen(client, SessionEvent.TlsSecured.class) ? pass("TLS established")
                : fail("no TLS"));
        Seq<String> mechanisms = Option.of(offered.get()).flatMap(f -> f.feature(SaslMechanisms.class))
                .map(SaslMechanisms::names).getOrElse(Array.empty());
        Seq<String> bindingTypes = Option.of(offered.get()).flatMap(f -> f.feature(ChannelBindingTypes.class))
                .map(ChannelBindingTypes::types).getOrElse(Array.empty());
        for (String mechanism : MECHANISMS) {
            if (!mechanisms.contains(mechanism)) {
                results.add(new CheckResult("RFC 6120", "6.4", "SASL " + mechanism, Outcome.NOT_OFFERED, "offered: " + mechanisms.mkString(" ")));
                continue;
            }
            if (mechanism.endsWith("-PLUS") && bindingTypes.isEmpty()) {
                results.add(new CheckResult("RFC 6120", "6.4", "SASL " + mechanism, Outcome.NOT_OFFERED,
                        "offered, but no channel-binding type is announced (XEP-0440), so the client does not bind"));
                continue;
            }
            check("RFC 6120", "6.4", "SASL " + mechanism, () -> {
                XmppClient other = connect(config().withMechanisms(List.of(mechanism)), target.server(), false);
                other.close().block(TIMEOUT);
                return pass("authenticated");
            });
        }
        check("RFC 6120", "7.6", "server-generated resource", () -> {
            XmppClient other = connect(config(), target.server(), false);
            Jid jid = other.jid();
            other.close().block(TIMEOUT);
            return jid.isFull() ? pass("bound " + jid) : fail("no resource in " + jid);
        });
        check("XEP-0199", "4.2", "ping the server", () -> pass("round trip " + client.ping(Option.none()).block(TIMEOUT).toMillis() + " ms"));
        check("XEP-0030", "3.1", "disco#info of the server", () -> {
            DiscoInfo info = client.discoInfo(Option.some(target.jid().domainJid())).block(TIMEOUT);
            return info.hasFeature(DiscoInfo.NAMESPACE) && !info.identities().isEmpty()
                    ? pass(info.identities().map(i -> i.category() + "/" + i.type()).mkString(", "))
                    : fail("identities " + info.identities() + ", features " + info.features());
        });
        check("XEP-0030", "4.1", "disco#items of the server", () -> pass(client.discoItems(Option.some(target.jid().domainJid()))
                .block(TIMEOUT).items().size() + " items"));
        check("XEP-0092", "2", "software version of the server", () -> pass(client.version(Option.some(target.jid().domainJid()))
                .block(TIMEOUT).name().getOrElse("(no name)")));
        check("RFC 6120", "8.4", "unknown IQ payload is service-unavailable", () -> {
            try {
                client.request(IqType.GET, Option.some(target.jid().domainJid()), Element.of("urn:starling:check:unknown", "query"))
                        .block(TIMEOUT);
                return fail("the server answered with a result");
            } catch (dev.starling.io.client.XmppException e) {
                boolean right = e.stanzaError().exists(error -> error.condition() == StanzaErrorCondition.SERVICE_UNAVAILABLE
                        || error.condition() == StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED);
                return right ? pass(e.getMessage()) : fail(e.getMessage());
            }
        });
        check("RFC 6120", "8.5", "message to the own full JID comes back", () -> {
            var back = client.stanzas().filter(Message.class::isInstance).next().toFuture();
            client.send(Message.chat(client.jid(), "starling check")).block(TIMEOUT);
            Message message = (Message) back.get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            return message.body().contains("starling check") ? pass("delivered") : fail("got " + message);
        });
        directTls();
        AccountChecks.run(this, Option.of(offered.get()).getOrElse(StreamFeatures.of()));
        ImChecks.run(this, client, Option.of(offered.get()).getOrElse(StreamFeatures.of()));
        FileTransferChecks.run(this);
        check("RFC 6120", "4.4", "orderly close", () -> {
            client.close().block(TIMEOUT);
            return pass("both streams closed");
        });
    }

    private void directTls() {
        if (target.directTls().isEmpty()) {
            results.add(new CheckResult("XEP-0368", "3", "direct TLS", Outcome.NOT_OFFERED, "no direct TLS address given"));
            return;
        }
        check("XEP-0368", "3", "direct TLS", () -> {
            XmppClient other = connect(config(), target.directTls().get(), true);
            other.close().block(TIMEOUT);
            return pass("logged in over " + target.directTls().get());
        });
    }

    CheckTarget target() {
        return target;
    }

    void notOffered(String spec, String section, String title, String detail) {
        results.add(new CheckResult(spec, section, title, Outcome.NOT_OFFERED, detail));
    }

    ClientConfig config() {
        return ClientConfig.of(target.jid().bare(), target.password()).withKeepalive(Option.none());
    }

    XmppClient connect(ClientConfig config, InetSocketAddress address, boolean direct) {
        return XmppClient.connect(ClientSettings.of(config, address).withDirectTls(direct), Option.some(target.tls())).block(TIMEOUT);
    }

    private static boolean eventSeen(XmppClient client, Class<? extends SessionEvent> type) {
        return client.events().filter(type::isInstance).take(1).collectList().block(Duration.ofSeconds(1)).size() == 1;
    }

    interface Body {
        CheckResult run() throws Exception;
    }

    private interface Attempt<T> {
        T run() throws Exception;
    }

    static CheckResult pass(String detail) {
        return new CheckResult("", "", "", Outcome.PASS, detail);
    }

    static CheckResult notOffered(String detail) {
        return new CheckResult("", "", "", Outcome.NOT_OFFERED, detail);
    }

    static CheckResult fail(String detail) {
        return new CheckResult("", "", "", Outcome.FAIL, detail);
    }

    void check(String spec, String section, String title, Body body) {
        CheckResult result;
        try {
            result = body.run();
        } catch (Exception e) {
            result = fail(String.valueOf(e.getMessage()));
        }
        results.add(new CheckResult(spec, section, title, result.outcome(), result.detail()));
    }

    private <T> Option<T> attempt(String spec, String section, String title, Attempt<T> body, java.util.function.Function<T, String> detail) {
        try {
            T value = body.run();
            results.add(new CheckResult(spec, section, title, Outcome.PASS, detail.apply(value)));
            return Option.some(value);
        } catch (Exception e) {
            results.add(new CheckResult(spec, section, title, Outcome.FAIL, String.valueOf(e.getMessage())));
            return Option.none();
        }
    }
}
