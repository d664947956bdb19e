package dev.starling.codec.xml;

import dev.starling.model.element.QName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder's name cache: right names always, the same instance for a repeated name, also after the table grew. */
class QNameCacheTest {

    @Test
    void repeatedNamesComeBackAsTheSameInstanceAcrossGrowth() {
        QNameCache cache = new QNameCache();
        String namespace = new String("jabber:client");
        List<String> locals = new ArrayList<>();
        List<QName> first = new ArrayList<>();
        for (int i = 0; i < 300; i++) { // grows 64 -> 128 -> 256 -> 512 -> 1024
            String local = new String("name" + i);
            locals.add(local);
            first.add(cache.get(namespace, local));
        }
        int hits = 0;
        for (int i = 0; i < locals.size(); i++) {
            QName again = cache.get(namespace, locals.get(i));
            assertThat(again).isEqualTo(new QName("jabber:client", "name" + i));
            if (again == first.get(i)) {
                hits++;
            }
        }
        assertThat(hits).as("interned, but for a rare probe-limit miss").isGreaterThanOrEqualTo(290);
    }

    @Test
    void pastItsBoundEveryNameIsStillRight() {
        QNameCache cache = new QNameCache();
        for (int i = 0; i < 5000; i++) {
            assertThat(cache.get("urn:x", "n" + i)).isEqualTo(new QName("urn:x", "n" + i));
        }
    }
}
