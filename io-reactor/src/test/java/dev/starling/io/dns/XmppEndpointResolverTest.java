package dev.starling.io.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

/** RFC 6120 §3.2 and XEP-0368 end to end, against a DNS server on 127.0.0.1. */
class XmppEndpointResolverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static LoopResources loops;
    private static TinyDnsServer dns;

    @BeforeAll
    static void start() throws Exception {
        loops = LoopResources.create("dns-test", 1, true);
        Map<String, Seq<TinyDnsServer.Srv>> zone = HashMap.of(
                "_xmpp-client._tcp.example.com.", List.of(
                        new TinyDnsServer.Srv(20, 0, 5222, "backup.example.com"),
                        new TinyDnsServer.Srv(10, 0, 5222, "xmpp.example.com")),
                "_xmpps-client._tcp.example.com.", List.of(
                        new TinyDnsServer.Srv(5, 0, 443, "tls.example.com")),
                "_xmpp-client._tcp.no-service.example.", List.of(new TinyDnsServer.Srv(0, 0, 0, ".")),
                "_xmpp-client._tcp.no-direct.example.", List.of(new TinyDnsServer.Srv(0, 0, 5222, "xmpp.no-direct.example")),
                "_xmpps-client._tcp.no-direct.example.", List.of(new TinyDnsServer.Srv(0, 0, 0, ".")),
                "_xmpp-client._tcp.xn--bcher-kva.example.", List.of(new TinyDnsServer.Srv(0, 0, 5222, "xmpp.xn--bcher-kva.example")));
        dns = new TinyDnsServer(zone);
    }

    @AfterAll
    static void stop() {
        dns.close();
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    private static XmppEndpointResolver resolver(InetSocketAddress server, Duration queryTimeout) {
        return XmppEndpointResolver.create(new DnsSettings(Option.some(server), queryTimeout), loops);
    }

    @Test
    void mergesBothServicesByPriority() {
        try (XmppEndpointResolver resolver = resolver(dns.address(), TIMEOUT)) {
            StepVerifier.create(resolver.resolve("example.com"))
                    .assertNext(endpoints -> assertThat(endpoints).containsExactly(
                            new XmppEndpoint("tls.example.com", 443, true),
                            new XmppEndpoint("xmpp.example.com", 5222, false),
                            new XmppEndpoint("backup.example.com", 5222, false)))
                    .expectComplete()
                    .verify(TIMEOUT.multipliedBy(3));
        }
        assertThat(dns.questions()).contains("_xmpp-client._tcp.example.com.", "_xmpps-client._tcp.example.com.");
    }

    @Test
    void aDomainWithoutRecordsFallsBackTo5222() {
        try (XmppEndpointResolver resolver = resolver(dns.address(), TIMEOUT)) {
            StepVerifier.create(resolver.resolve("plain.example"))
                    .expectNext(List.of(new XmppEndpoint("plain.example", 5222, false)))
                    .expectComplete()
                    .verify(TIMEOUT.multipliedBy(3));
        }
    }

    @Test
    void aDotTargetMeansTheServiceIsNotAvailable() {
        try (XmppEndpointResolver resolver = resolver(dns.address(), TIMEOUT)) {
            StepVerifier.create(resolver.resolve("no-service.example"))
                    .expectNext(List.empty())
                    .expectComplete()
                    .verify(TIMEOUT.multipliedBy(3));
            StepVerifier.create(resolver.resolve("no-direct.example"))
                    .expectNext(List.of(new XmppEndpoint("xmpp.no-direct.example", 5222, false)))
                    .expectComplete()
                    .verify(TIMEOUT.multipliedBy(3));
        }
    }

    @Test
    void internationalizedDomainsAreAskedAsALabels() {
        try (XmppEndpointResolver resolver = resolver(dns.address(), TIMEOUT)) {
            StepVerifier.create(resolver.resolve("Bücher.example"))
                    .expectNext(List.of(new XmppEndpoint("xmpp.xn--bcher-kva.example", 5222, false)))
                    .expectComplete()
                    .verify(TIMEOUT.multipliedBy(3));
        }
        assertThat(dns.questions()).contains("_xmpp-client._tcp.xn--bcher-kva.example.");
    }

    @Test
    void aServerThatNeverAnswersFallsBackAfterTheTimeout() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             XmppEndpointResolver resolver = resolver(
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()),
                     Duration.ofMillis(200))) {
            StepVerifier.create(resolver.resolve("example.com"))
                    .expectNext(List.of(new XmppEndpoint("example.com", 5222, false)))
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void anIpLiteralIsUsedWithoutSrv() {
        try (XmppEndpointResolver resolver = resolver(dns.address(), TIMEOUT)) {
            StepVerifier.create(resolver.resolve("192.0.2.7"))
                    .expectNext(List.of(new XmppEndpoint("192.0.2.7", 5222, false)))
                    .expectComplete()
                    .verify(TIMEOUT);
            StepVerifier.create(resolver.resolve("[2001:db8::7]"))
                    .expectNext(List.of(new XmppEndpoint("2001:db8::7", 5222, false)))
                    .expectComplete()
                    .verify(TIMEOUT);
        }
        assertThat(dns.questions()).noneMatch(name -> name.contains("192.0.2.7") || name.contains("2001"));
    }

    @Test
    void aDomainThatIsNoDomainNameIsAnError() {
        try (XmppEndpointResolver resolver = resolver(dns.address(), TIMEOUT)) {
            StepVerifier.create(resolver.resolve("exa mple"))
                    .expectErrorMessage("not a domain name: exa mple")
                    .verify(TIMEOUT);
        }
    }
}
