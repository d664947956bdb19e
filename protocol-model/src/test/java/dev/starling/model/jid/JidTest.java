package dev.starling.model.jid;

import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 7622 §3.5 Table 1 (legal JIDs) and Table 2 (non-JIDs), plus the parsing and length rules. */
class JidTest {

    @ParameterizedTest(name = "RFC 7622 Table 1 #{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "1  | juliet@example.com           | juliet | example.com   |",
            "2  | juliet@example.com/foo       | juliet | example.com   | foo",
            "3  | juliet@example.com/foo bar   | juliet | example.com   | foo bar",
            "4  | juliet@example.com/foo@bar   | juliet | example.com   | foo@bar",
            "5  | foo\\20bar@example.com       | foo\\20bar | example.com |",
            "6  | fussball@example.com         | fussball | example.com |",
            "7  | fu\u00dfball@example.com    | fu\u00dfball | example.com |",
            "8  | \u03c0@example.com           | \u03c0 | example.com |",
            "9  | \u03a3@example.com/foo       | \u03c3 | example.com | foo",
            "10 | \u03c3@example.com/foo       | \u03c3 | example.com | foo",
            "11 | \u03c2@example.com/foo       | \u03c2 | example.com | foo",
            "12 | king@example.com/\u265a      | king | example.com | \u265a",
            "13 | example.com                  |      | example.com |",
            "14 | example.com/foobar           |      | example.com | foobar",
            "15 | a.example.com/b@example.net  |      | a.example.com | b@example.net",
    })
    void acceptsTheLegalJidsOfTable1(int number, String input, String local, String domain, String resource) {
        Jid jid = Jid.parse(input).get();
        assertThat(jid.local()).isEqualTo(Option.of(local));
        assertThat(jid.domain()).isEqualTo(domain);
        assertThat(jid.resource()).isEqualTo(Option.of(resource));
    }

    @ParameterizedTest(name = "RFC 7622 Table 2 #{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "16 | \"juliet\"@example.com       | LOCALPART",
            "17 | foo bar@example.com          | LOCALPART",
            "19 | @example.com/                | LOCALPART",
            "20 | henry\u2163@example.com       | LOCALPART",
            "21 | \u265a@example.com           | LOCALPART",
            "22 | juliet@                      | DOMAINPART",
            "23 | /foobar                      | DOMAINPART",
    })
    void rejectsTheNonJidsOfTable2NamingThePart(int number, String input, JidPart part) {
        Either<JidError, Jid> parsed = Jid.parse(input);
        assertThat(parsed.isLeft()).isTrue();
        assertThat(parsed.getLeft().part()).isEqualTo(part);
        assertThat(parsed.getLeft().message()).contains(input.strip()).contains(part.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void table2Number18ConflictsWithTheNormativeOpaqueStringRules() {
        // RFC 7622 Table 2 #18 calls "juliet@example.com/ foo" invalid, but §3.4 makes the resourcepart a PRECIS
        // OpaqueString (RFC 8265 §4.2), which allows a leading space; Starling follows the normative text.
        assertThat(Jid.parse("juliet@example.com/ foo").get().resource()).contains(" foo");
    }

    @Test
    void enforcesCaseMappingWidthMappingAndIdna() {
        assertThat(Jid.of("Juliet@EXAMPLE.com/Balcony").toString()).isEqualTo("juliet@example.com/Balcony");
        assertThat(Jid.of("\uff2a\uff35\uff2c\uff29\uff25\uff34@example.com").local()).contains("juliet");
        assertThat(Jid.of("user@xn--mnchen-3ya.de").domain()).isEqualTo("m\u00fcnchen.de");
        assertThat(Jid.of("user@M\u00fcnchen.DE")).isEqualTo(Jid.of("user@xn--mnchen-3ya.de"));
    }

    @Test
    void stripsOneFinalDotOfTheDomainpart() {
        assertThat(Jid.of("juliet@example.com.")).isEqualTo(Jid.of("juliet@example.com"));
        assertThat(Jid.parse("juliet@example.com..").isLeft()).isTrue();
    }

    @Test
    void acceptsIpLiterals() {
        assertThat(Jid.of("juliet@[2001:DB8::1]/r").domain()).isEqualTo("[2001:db8::1]");
        assertThat(Jid.of("127.0.0.1").domain()).isEqualTo("127.0.0.1");
        assertThat(Jid.of("[::ffff:192.0.2.1]").domain()).isEqualTo("[::ffff:192.0.2.1]");
        assertThat(Jid.parse("[::1").isLeft()).isTrue();
        assertThat(Jid.parse("[1:2:3:4:5:6:7:8:9]").isLeft()).isTrue();
        assertThat(Jid.parse("[::1::2]").isLeft()).isTrue();
    }

    @Test
    void limitsEachPartTo1023Octets() {
        String label = "a".repeat(63);
        String longDomain = String.join(".", java.util.Collections.nCopies(16, label)); // 1023 octets
        assertThat(Jid.parse(longDomain).isRight()).isTrue();
        assertThat(Jid.parse("a" + longDomain).getLeft().rule()).contains("1023");
        assertThat(Jid.parse("x".repeat(1023) + "@example.com").isRight()).isTrue();
        assertThat(Jid.parse("x".repeat(1024) + "@example.com").getLeft().part()).isEqualTo(JidPart.LOCALPART);
        assertThat(Jid.parse("example.com/" + "\u00e9".repeat(512)).getLeft().part()).isEqualTo(JidPart.RESOURCEPART);
    }

    @Test
    void rejectsEmptyAndMalformedParts() {
        assertThat(Jid.parse("").getLeft().part()).isEqualTo(JidPart.DOMAINPART);
        assertThat(Jid.parse("juliet@example.com/").getLeft().part()).isEqualTo(JidPart.RESOURCEPART);
        assertThat(Jid.parse("a@b@example.com").getLeft().part()).isEqualTo(JidPart.DOMAINPART);
        assertThat(Jid.parse("juliet@exa mple.com").getLeft().part()).isEqualTo(JidPart.DOMAINPART);
        assertThat(Jid.parse("juliet@-example.com").getLeft().part()).isEqualTo(JidPart.DOMAINPART);
        assertThat(Jid.parse("juliet@example.com/a\u0000b").getLeft().part()).isEqualTo(JidPart.RESOURCEPART);
        assertThatIllegalArgumentException().isThrownBy(() -> Jid.of("a@@b")).withMessageContaining("invalid JID");
    }

    @Test
    void offersBareFullAndDomainViews() {
        Jid full = Jid.of("juliet@example.com/balcony");
        assertThat(full.isFull()).isTrue();
        assertThat(full.bare()).isEqualTo(Jid.of("juliet@example.com"));
        assertThat(full.bare().isBare()).isTrue();
        assertThat(full.domainJid()).isEqualTo(Jid.of("example.com"));
        assertThat(full.domainJid().isDomain()).isTrue();
        assertThat(full.isSameBare(Jid.of("Juliet@Example.com/chamber"))).isTrue();
        assertThat(full.bare().withResource("chamber").get()).isEqualTo(Jid.of("juliet@example.com/chamber"));
        assertThat(full.withResource("").getLeft().part()).isEqualTo(JidPart.RESOURCEPART);
    }
}
