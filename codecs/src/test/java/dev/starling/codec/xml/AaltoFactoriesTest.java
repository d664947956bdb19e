package dev.starling.codec.xml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.aalto.stax.StreamReaderImpl;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/** The parsers' shared name table: primed once with the everyday XMPP names, then never grown by what peers send. */
class AaltoFactoriesTest {

    @Test
    void everyNewParserStartsWithThePrimedNames() {
        assertThat(sharedNames()).isGreaterThanOrEqualTo(AaltoFactories.PRIMED_NAMES.size());
    }

    @Test
    void namesAPeerSendsDoNotReachTheSharedTable() {
        int before = sharedNames();
        StringBuilder stanza = new StringBuilder(
                "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='example.com'>");
        for (int i = 0; i < 500; i++) {
            stanza.append("<unheard-of-").append(i).append(" attribute-").append(i).append("='v'/>");
        }
        stanza.append("</stream:stream>");

        List<StreamEvent> events = Decoding.decode(stanza.toString());

        assertThat(events.last()).isInstanceOf(StreamEvent.StreamClosed.class);
        assertThat(sharedNames()).isEqualTo(before);
    }

    @Test
    void thePrimedNamesAreDistinct() {
        assertThat(AaltoFactories.PRIMED_NAMES).doesNotHaveDuplicates();
    }

    private static int sharedNames() {
        return ((StreamReaderImpl) AaltoFactories.newAsyncReader()).getConfig().getBBSymbols().size();
    }
}
