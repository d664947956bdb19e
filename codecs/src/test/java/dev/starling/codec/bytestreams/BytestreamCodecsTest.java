package dev.starling.codec.bytestreams;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.Namespaces;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BytestreamCodecsTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final String QUERY = "<query xmlns='http://jabber.org/protocol/bytestreams' sid='s1'>";

    @Test
    void roundTripsEveryForm() {
        Streamhost proxy = new Streamhost(Jid.of("proxy.example.com"), "127.0.0.1", 7777);
        for (BytestreamQuery query : Array.of(BytestreamQuery.addressRequest(), BytestreamQuery.address(Array.of(proxy)),
                BytestreamQuery.offer("s1", Array.of(new Streamhost(Jid.of("a@example.com/r"), "::1", 1), proxy)),
                BytestreamQuery.used("s1", proxy.jid()), BytestreamQuery.activation("s1", Jid.of("b@example.com/r")))) {
            String xml = new XmlEncoder().toXml(REGISTRY.encode(query, Namespaces.CLIENT));
            assertThat(REGISTRY.decodePayload(element(xml), Namespaces.CLIENT).get()).isEqualTo(query);
        }
    }

    /** XEP-0065 §5.3.1: every streamhost has a jid, a host and a port; a malformed request is bad-request. */
    @ParameterizedTest
    @ValueSource(strings = {
        QUERY + "<streamhost jid='a@example.com/r' host='192.168.4.1'/></query>",
        QUERY + "<streamhost jid='a@example.com/r' port='5086'/></query>",
        QUERY + "<streamhost host='192.168.4.1' port='5086'/></query>",
        QUERY + "<streamhost jid='a@@b' host='192.168.4.1' port='5086'/></query>",
        QUERY + "<streamhost jid='a@example.com/r' host='192.168.4.1' port='65536'/></query>",
        QUERY + "<streamhost jid='a@example.com/r' host='192.168.4.1' port='0'/></query>",
        QUERY + "<streamhost-used/></query>",
        QUERY + "<activate>not a jid@@</activate></query>",
        "<query xmlns='http://jabber.org/protocol/bytestreams' sid='s1' mode='sctp'/>"})
    void refusesMalformedQueries(String xml) {
        assertThat(REGISTRY.decodePayload(element(xml), Namespaces.CLIENT).getLeft().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    private static Element element(String xml) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed((HEADER + xml).getBytes(StandardCharsets.UTF_8));
        decoder.next();
        return ((StreamEvent.TopLevelElement) decoder.next().get()).element();
    }
}
