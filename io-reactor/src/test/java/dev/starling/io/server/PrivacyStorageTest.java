package dev.starling.io.server;

import dev.starling.machine.privacy.Privacy;
import dev.starling.model.element.Element;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyRule;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Privacy lists survive the trip to account data and back; active lists do not; unreadable data yields no lists. */
class PrivacyStorageTest {

    @Test
    void listsAndTheDefaultComeBackButNotActiveLists() {
        PrivacyList list = new PrivacyList("public", Array.of(
                new PrivacyRule(Option.some(PrivacyRule.Type.GROUP), Option.some("Enemies"), PrivacyRule.Action.DENY, 3,
                        LinkedHashSet.of(PrivacyRule.Kind.MESSAGE, PrivacyRule.Kind.PRESENCE_OUT)),
                new PrivacyRule(Option.none(), Option.none(), PrivacyRule.Action.ALLOW, 68, LinkedHashSet.empty())));
        PrivacyList other = new PrivacyList("special", Array.of(
                new PrivacyRule(Option.some(PrivacyRule.Type.SUBSCRIPTION), Option.some("both"), PrivacyRule.Action.ALLOW, 1, LinkedHashSet.empty())));
        Privacy privacy = new Privacy(LinkedHashMap.of("public", list, "special", other), Option.some("public"), LinkedHashMap.of("orchard", "special"));

        Privacy back = PrivacyStorage.read(HashMap.of(PrivacyStorage.KEY, PrivacyStorage.write(privacy)));
        assertThat(back).isEqualTo(Privacy.of(privacy.lists(), privacy.defaultList()));
    }

    @Test
    void nothingStoredOrSomethingUnreadableIsNoLists() {
        assertThat(PrivacyStorage.read(HashMap.empty())).isEqualTo(Privacy.NONE);
        Element broken = Element.builder("jabber:iq:privacy", "query").child(Element.builder("jabber:iq:privacy", "list").build()).build();
        assertThat(PrivacyStorage.read(HashMap.of(PrivacyStorage.KEY, broken))).isEqualTo(Privacy.NONE);
    }
}
