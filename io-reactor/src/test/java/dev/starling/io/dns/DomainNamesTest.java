package dev.starling.io.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** IDNA2008 A-labels and U-labels (RFC 5890) as DNS queries and certificate checks compare them. */
class DomainNamesTest {

    @Test
    void convertsBothWaysLowerCaseWithoutTheRootDot() {
        assertThat(DomainNames.toAscii("Bücher.Example.")).isEqualTo(Option.some("xn--bcher-kva.example"));
        assertThat(DomainNames.toAscii("EXAMPLE.com")).isEqualTo(Option.some("example.com"));
        assertThat(DomainNames.toUnicode("xn--bcher-kva.example")).isEqualTo(Option.some("bücher.example"));
    }

    @Test
    void followsIdna2008NotIdna2003() {
        // IDNA2003 maps ß to ss; IDNA2008 (UTS #46 non-transitional) keeps it
        assertThat(DomainNames.toAscii("faß.de")).isEqualTo(Option.some("xn--fa-hia.de"));
    }

    @Test
    void refusesWhatIsNoHostName() {
        assertThat(DomainNames.toAscii("")).isEmpty();
        assertThat(DomainNames.toAscii(".")).isEmpty();
        assertThat(DomainNames.toAscii("exa mple.com")).isEmpty();
        assertThat(DomainNames.toAscii("_xmpp-client.example.com")).isEmpty();
        assertThat(DomainNames.toAscii("*.example.com")).isEmpty();
        assertThat(DomainNames.toAscii("user@example.com")).isEmpty();
        assertThat(DomainNames.toAscii("a".repeat(64) + ".com")).isEmpty();
    }
}
