package dev.starling.conformance.presence;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.roster.NestedGroups;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0083 replayed: the delimiter of Example 1 read from the private-storage result, Example 2's
 * roster as the tree §3.2 describes (Actors and Royalty inside Midsummer, Robin directly in it,
 * Hamlet flat), a single alphanumeric delimiter turning nesting off (§2), and a jqwik property:
 * a group written as segments joined by the delimiter reads back as those segments.
 */
class NestedGroupsReplayTest {

    private static List<Stanza> server(int example) {
        String text = ExampleStanzas.text("xep-0083", example);
        return ExampleStanzas.decode(text.substring(text.indexOf("SERVER:") + "SERVER:".length()));
    }

    @Test
    void example1sResultGivesTheDelimiter() {
        Iq result = (Iq) server(1).head();
        Seq<Element> stored = ((Element) result.payload().get()).elements();
        assertThat(NestedGroups.delimiter(stored)).contains("::");
        assertThat(NestedGroups.stored("::")).isEqualTo(stored.head());
    }

    @Test
    void example2sRosterIsTheTreeOfSection3_2() {
        Seq<RosterItem> items = ((Iq) server(2).head()).firstChild(RosterQuery.class).get().items();
        NestedGroups.Group root = NestedGroups.tree(items, Option.some("::"));

        assertThat(root.groups().map(NestedGroups.Group::name)).containsExactly("Midsummer", "Hamlet");
        NestedGroups.Group midsummer = root.group("Midsummer").get();
        assertThat(midsummer.groups().map(NestedGroups.Group::name)).containsExactly("Actors", "Royalty");
        assertThat(jids(midsummer.group("Actors").get())).containsExactly("bottom@athens.gr", "quince@athens.gr", "snug@athens.gr");
        assertThat(jids(midsummer.group("Royalty").get())).containsExactly("theseus@athens.gr", "hippolyta@athens.gr");
        assertThat(jids(midsummer)).as("a plain contact under Midsummer").containsExactly("robin@faeries.underhill.org");
        assertThat(root.group("Hamlet").get().groups()).isEmpty();
        assertThat(root.group("Hamlet").get().contacts()).hasSize(2);

        NestedGroups.Group flat = NestedGroups.tree(items, Option.none());
        assertThat(flat.groups().map(NestedGroups.Group::name)).as("a client without the delimiter (§3.2)")
                .containsExactly("Midsummer::Actors", "Midsummer::Royalty", "Midsummer", "Hamlet");
    }

    @Test
    void aSingleAlphanumericDelimiterTurnsNestingOff() {
        assertThat(NestedGroups.delimiter(Array.of(NestedGroups.stored("e")))).isEmpty();
        assertThat(NestedGroups.delimiter(Array.of(NestedGroups.stored("7")))).isEmpty();
        assertThat(NestedGroups.delimiter(Array.of(NestedGroups.stored("/")))).as("single characters are honoured").contains("/");
        assertThat(NestedGroups.delimiter(Array.empty())).isEmpty();
    }

    @Property(tries = 300)
    void segmentsJoinedByTheDelimiterReadBackAsTheSegments(@ForAll("segments") java.util.List<String> segments, @ForAll("delimiters") String delimiter) {
        String group = String.join(delimiter, segments);
        assertThat(NestedGroups.path(group, Option.some(delimiter))).containsExactlyElementsOf(segments);
        RosterItem item = RosterItem.of(Jid.of("contact@example.com")).withGroups(Array.of(group));
        NestedGroups.Group node = NestedGroups.tree(Array.of(item), Option.some(delimiter));
        for (String segment : segments) {
            node = node.group(segment).get();
        }
        assertThat(node.contacts()).containsExactly(item);
    }

    @Provide
    Arbitrary<java.util.List<String>> segments() {
        return Arbitraries.strings().withChars("abcXYZ é_-.").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.contains(":") && !s.contains("/")).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> delimiters() {
        return Arbitraries.of("::", "/", "\\\\", "->");
    }

    private static Seq<String> jids(NestedGroups.Group group) {
        return group.contacts().map(item -> item.jid().toString());
    }
}
