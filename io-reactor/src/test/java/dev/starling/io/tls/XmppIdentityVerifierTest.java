package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starling.io.tls.XmppIdentityVerifier.Match;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6120 §13.7.2.1 with RFC 6125 §6: every rule, on certificates generated for it. */
class XmppIdentityVerifierTest {

    private static CertificateAuthority authority;

    @BeforeAll
    static void createAuthority() {
        authority = CertificateAuthority.create("Test CA");
    }

    private static X509Certificate certificate(Option<String> cn, Seq<String> dns, Seq<String> srv, Seq<String> xmpp) {
        return authority.issue(new CertificateNames(cn, dns, srv, xmpp), CertificateUsage.SERVER).certificate();
    }

    private static X509Certificate dnsOnly(String... dns) {
        return certificate(Option.none(), List.of(dns), List.empty(), List.empty());
    }

    private static Either<String, Match> verify(X509Certificate certificate, String domain) {
        return XmppIdentityVerifier.verify(certificate, domain);
    }

    @Test
    void aSelfSignedServerCertificateMatchesByItsSrvIdFirst() {
        X509Certificate certificate = SelfSignedCertificate.generate("example.com").certificate();

        assertThat(verify(certificate, "example.com")).isEqualTo(Either.right(Match.SRV_ID));
        assertThat(verify(certificate, "example.net").isLeft()).isTrue();
    }

    @ParameterizedTest(name = "SRV-ID {0} for {1}: {2}")
    @CsvSource({
        "_xmpp-client.example.com, example.com, true",
        "_XMPP-Client.Example.COM, example.com, true",
        "_xmpp-client.example.com., example.com, true",
        "_xmpp-client.example.com, EXAMPLE.com, true",
        "_xmpp-server.example.com, example.com, false",
        "_xmpps-client.example.com, example.com, false",
        "_xmpp-client.example.com, chat.example.com, false",
        "_xmpp-client.*.example.com, chat.example.com, false",
        "xmpp-client.example.com, example.com, false",
    })
    void srvIds(String srv, String domain, boolean matches) {
        X509Certificate certificate = certificate(Option.none(), List.empty(), List.of(srv), List.empty());

        assertThat(verify(certificate, domain)).isEqualTo(
                matches ? Either.right(Match.SRV_ID) : Either.left("the certificate does not identify " + domain));
    }

    @ParameterizedTest(name = "DNS-ID {0} for {1}: {2}")
    @CsvSource({
        "example.com, example.com, true",
        "Example.COM, example.com, true",
        "example.com., example.com, true",
        "example.com, example.com., true",
        "example.com, www.example.com, false",
        "www.example.com, example.com, false",
        // RFC 6125 §6.4.3: a wildcard is the whole left-most label and matches exactly one label
        "*.example.com, chat.example.com, true",
        "*.example.com, CHAT.Example.com, true",
        "*.example.com, example.com, false",
        "*.example.com, a.b.example.com, false",
        "*.example.com, chat.example.net, false",
        "*.com, example.com, false",
        "c*.example.com, chat.example.com, false",
        "*t.example.com, chat.example.com, false",
        "ch*t.example.com, chat.example.com, false",
        "chat.*.com, chat.example.com, false",
        "*.*.example.com, a.b.example.com, false",
        "*, example, false",
        "*.example.com, xn--bcher-kva.example.com, true",
    })
    void dnsIds(String dns, String domain, boolean matches) {
        assertThat(verify(dnsOnly(dns), domain)).isEqualTo(
                matches ? Either.right(Match.DNS_ID) : Either.left("the certificate does not identify " + domain));
    }

    @Test
    void xmppAddrsMatchOnlyABareDomain() {
        X509Certificate domainOnly = certificate(Option.none(), List.empty(), List.empty(), List.of("example.com"));
        X509Certificate userJid = certificate(Option.none(), List.empty(), List.empty(), List.of("juliet@example.com"));
        X509Certificate fullJid = certificate(Option.none(), List.empty(), List.empty(), List.of("example.com/resource"));

        assertThat(verify(domainOnly, "example.com")).isEqualTo(Either.right(Match.XMPP_ADDR));
        assertThat(verify(domainOnly, "Example.Com")).isEqualTo(Either.right(Match.XMPP_ADDR));
        assertThat(verify(userJid, "example.com").isLeft()).isTrue();
        assertThat(verify(fullJid, "example.com").isLeft()).isTrue();
    }

    @Test
    void xmppAddrsNeverHoldWildcards() {
        X509Certificate wildcard = certificate(Option.none(), List.empty(), List.empty(), List.of("*.example.com"));

        assertThat(verify(wildcard, "chat.example.com").isLeft()).isTrue();
    }

    @Test
    void theCommonNameCountsOnlyWithoutSubjectAltNameIdentifiers() {
        X509Certificate cnOnly = certificate(Option.some("example.com"), List.empty(), List.empty(), List.empty());
        X509Certificate cnAndDns = certificate(Option.some("example.com"), List.of("other.org"), List.empty(), List.empty());
        X509Certificate cnAndSrv = certificate(Option.some("example.com"), List.empty(),
                List.of("_xmpp-client.other.org"), List.empty());
        X509Certificate cnAndXmpp = certificate(Option.some("example.com"), List.empty(), List.empty(),
                List.of("other.org"));

        assertThat(verify(cnOnly, "example.com")).isEqualTo(Either.right(Match.CN_ID));
        assertThat(verify(cnAndDns, "example.com").isLeft()).isTrue();
        assertThat(verify(cnAndSrv, "example.com").isLeft()).isTrue();
        assertThat(verify(cnAndXmpp, "example.com").isLeft()).isTrue();
    }

    @Test
    void aCommonNameFollowsTheDnsIdRulesIncludingWildcards() {
        X509Certificate wildcard = certificate(Option.some("*.example.com"), List.empty(), List.empty(), List.empty());
        X509Certificate partial = certificate(Option.some("c*.example.com"), List.empty(), List.empty(), List.empty());

        assertThat(verify(wildcard, "chat.example.com")).isEqualTo(Either.right(Match.CN_ID));
        assertThat(verify(wildcard, "example.com").isLeft()).isTrue();
        assertThat(verify(partial, "chat.example.com").isLeft()).isTrue();
    }

    @Test
    void theOrderOfPreferenceIsSrvIdDnsIdXmppAddr() {
        X509Certificate all = certificate(Option.some("example.com"), List.of("example.com"),
                List.of("_xmpp-client.example.com"), List.of("example.com"));
        X509Certificate dnsAndXmpp = certificate(Option.none(), List.of("example.com"), List.empty(),
                List.of("example.com"));

        assertThat(verify(all, "example.com")).isEqualTo(Either.right(Match.SRV_ID));
        assertThat(verify(dnsAndXmpp, "example.com")).isEqualTo(Either.right(Match.DNS_ID));
    }

    @Test
    void anyOfSeveralIdentifiersMayMatch() {
        X509Certificate multi = dnsOnly("example.net", "example.org", "*.example.com");

        assertThat(verify(multi, "example.org")).isEqualTo(Either.right(Match.DNS_ID));
        assertThat(verify(multi, "chat.example.com")).isEqualTo(Either.right(Match.DNS_ID));
        assertThat(verify(multi, "example.com").isLeft()).isTrue();
    }

    @Test
    void internationalizedDomainsAreComparedAsALabels() {
        X509Certificate server = authority.issue(CertificateNames.forDomain("bücher.example"), CertificateUsage.SERVER)
                .certificate();
        X509Certificate xmppAddrInULabels = certificate(Option.none(), List.empty(), List.empty(),
                List.of("bücher.example"));
        X509Certificate dnsInALabels = dnsOnly("xn--bcher-kva.example");

        assertThat(verify(server, "bücher.example")).isEqualTo(Either.right(Match.SRV_ID));
        assertThat(verify(server, "xn--bcher-kva.example")).isEqualTo(Either.right(Match.SRV_ID));
        assertThat(verify(server, "BÜCHER.example")).isEqualTo(Either.right(Match.SRV_ID));
        assertThat(verify(xmppAddrInULabels, "xn--bcher-kva.example")).isEqualTo(Either.right(Match.XMPP_ADDR));
        assertThat(verify(dnsInALabels, "bücher.example")).isEqualTo(Either.right(Match.DNS_ID));
        assertThat(verify(dnsInALabels, "bucher.example").isLeft()).isTrue();
    }

    @Test
    void aDomainThatIsNoDomainNameIsRefused() {
        assertThat(verify(dnsOnly("example.com"), "exa mple.com"))
                .isEqualTo(Either.left("the XMPP domain is not a domain name: exa mple.com"));
    }

    @Test
    void presentedIdentifiersListEveryType() {
        PresentedIdentifiers ids = PresentedIdentifiers.of(SelfSignedCertificate.generate("bücher.example").certificate());

        assertThat(ids.dnsIds()).containsExactly("xn--bcher-kva.example");
        assertThat(ids.srvIds()).containsExactly("_xmpp-client.xn--bcher-kva.example");
        assertThat(ids.xmppAddrs()).containsExactly("bücher.example");
        assertThat(ids.uriIds()).isEmpty();
        assertThat(ids.commonNames()).containsExactly("xn--bcher-kva.example");
    }
}
