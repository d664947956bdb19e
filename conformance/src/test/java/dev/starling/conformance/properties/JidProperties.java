package dev.starling.conformance.properties;

import dev.starling.model.jid.Jid;
import dev.starling.model.jid.JidPart;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7622: parsing a JID's string form gives the same JID, and invalid input is refused naming the part. */
class JidProperties {

    @Property(tries = 1000)
    void parsePrintRoundTrips(@ForAll("jids") Jid jid) {
        Jid reparsed = Jid.parse(jid.toString()).get();
        assertThat(reparsed).isEqualTo(jid);
        assertThat(reparsed.toString()).isEqualTo(jid.toString());
        assertThat(Jid.parse(jid.bare().toString()).get()).isEqualTo(jid.bare());
    }

    @Property(tries = 500)
    void localpartsWithExcludedCharactersAreRefused(@ForAll("jids") Jid jid, @ForAll("excluded") char excluded) {
        String local = jid.local().getOrElse("user");
        String input = local + excluded + "x@" + jid.domain();
        var parsed = Jid.parse(input);
        assertThat(parsed.isLeft()).as(input).isTrue();
        assertThat(parsed.getLeft().part()).isIn(JidPart.LOCALPART, JidPart.DOMAINPART);
    }

    @Property(tries = 300)
    void oversizedPartsAreRefused(@ForAll("jids") Jid jid) {
        String tooLong = "\u00e9".repeat(512); // 1024 octets
        assertThat(Jid.parse(tooLong + "@" + jid.domain()).getLeft().part()).isEqualTo(JidPart.LOCALPART);
        assertThat(Jid.parse(jid.bare() + "/" + tooLong).getLeft().part()).isEqualTo(JidPart.RESOURCEPART);
    }

    @Provide
    Arbitrary<Jid> jids() {
        return ModelArbitraries.jids();
    }

    @Provide
    Arbitrary<Character> excluded() {
        return Arbitraries.of('"', '&', '\'', ':', '<', '>', ' ', '@');
    }
}
