package dev.starling.codec;

import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.Bytes;
import dev.starling.model.Namespaces;
import dev.starling.model.bind.Bind;
import dev.starling.model.bind.BindFeature;
import dev.starling.model.bind.SessionFeature;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslMechanisms;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamElement;
import dev.starling.model.stream.StreamFeatures;
import dev.starling.model.tls.StartTlsFeature;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CoreCodecsTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    static Element element(String xml) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed((HEADER + xml).getBytes(StandardCharsets.UTF_8));
        decoder.next();
        return ((StreamEvent.TopLevelElement) decoder.next().get()).element();
    }

    static Either<CodecError, StreamElement> decode(String xml) {
        return REGISTRY.decodeTopLevel(element(xml), Namespaces.CLIENT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "IQ without id          | <iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>                  | BAD_REQUEST",
            "IQ with a bad type     | <iq id='1' type='subscribe'><ping xmlns='urn:xmpp:ping'/></iq>    | BAD_REQUEST",
            "IQ get without payload | <iq id='1' type='get'/>                                            | BAD_REQUEST",
            "IQ get with two        | <iq id='1' type='get'><a xmlns='urn:a'/><b xmlns='urn:b'/></iq>    | BAD_REQUEST",
            "IQ error without error | <iq id='1' type='error'/>                                          | BAD_REQUEST",
            "message bad type       | <message type='shout'/>                                            | BAD_REQUEST",
            "message bad to         | <message to='a@b@c'/>                                              | JID_MALFORMED",
            "presence bad from      | <presence from='@example.com'/>                                    | JID_MALFORMED",
            "presence bad show      | <presence><show>sleeping</show></presence>                         | BAD_REQUEST",
            "priority out of range  | <presence><priority>128</priority></presence>                      | BAD_REQUEST",
            "priority not a number  | <presence><priority>high</priority></presence>                     | BAD_REQUEST",
            "error with bad type    | <message type='error'><error type='fatal'/></message>              | BAD_REQUEST",
            "auth without mechanism | <auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>AA==</auth>         | BAD_REQUEST",
            "SASL data not base64   | <response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>%%%</response>  | BAD_REQUEST",
    })
    void rejectsMalformedElementsWithTheStanzaErrorToAnswer(String name, String xml, StanzaErrorCondition condition) {
        Either<CodecError, StreamElement> decoded = decode(xml);
        assertThat(decoded.isLeft()).as(name).isTrue();
        assertThat(decoded.getLeft().condition()).isEqualTo(condition);
    }

    @Test
    void keepsUnknownTopLevelElementsAndPayloadsUnchanged() {
        Element unknown = element("<r xmlns='urn:xmpp:sm:3'/>");
        assertThat(REGISTRY.decodeTopLevel(unknown, Namespaces.CLIENT).get()).isSameAs(unknown);
        Message message = (Message) decode("<message><body>hi</body><active xmlns='http://jabber.org/protocol/chatstates'/></message>").get();
        assertThat(message.children().get(1)).isEqualTo(Element.of("http://jabber.org/protocol/chatstates", "active"));
    }

    @Test
    void decodesPayloadsOnDemand() {
        Iq iq = (Iq) decode("<iq id='b1' type='set'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>balcony</resource></bind></iq>").get();
        assertThat(iq.payload().get()).isInstanceOf(Element.class);
        assertThat(REGISTRY.payload(iq.children(), Bind.class, Namespaces.CLIENT).get()).contains(Bind.request("balcony"));
        Iq bad = (Iq) decode("<iq id='b2' type='result'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>a@@b</jid></bind></iq>").get();
        assertThat(REGISTRY.payload(bad.children(), Bind.class, Namespaces.CLIENT).getLeft().condition())
                .isEqualTo(StanzaErrorCondition.JID_MALFORMED);
    }

    @Test
    void decodesTheFeaturesOfRfc6120Section9() {
        StreamFeatures features = (StreamFeatures) decode("<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                + "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1-PLUS</mechanism><mechanism>PLAIN</mechanism></mechanisms>"
                + "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><session xmlns='urn:ietf:params:xml:ns:xmpp-session'><optional/></session>"
                + "<sm xmlns='urn:xmpp:sm:3'/></stream:features>").get();
        assertThat(features.feature(StartTlsFeature.class)).contains(new StartTlsFeature(true));
        assertThat(features.feature(SaslMechanisms.class).get().names()).containsExactly("SCRAM-SHA-1-PLUS", "PLAIN");
        assertThat(features.feature(BindFeature.class)).isNotEmpty();
        assertThat(features.feature(SessionFeature.class)).contains(new SessionFeature(true));
        assertThat(features.feature(Element.class).get().localName()).isEqualTo("sm");
    }

    @Test
    void distinguishesAbsentFromEmptySaslData() {
        assertThat(decode("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'/>").get())
                .isEqualTo(new SaslAuth("EXTERNAL", Option.none()));
        assertThat(decode("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='EXTERNAL'>=</auth>").get())
                .isEqualTo(new SaslAuth("EXTERNAL", Option.some(Bytes.empty())));
        Element encoded = REGISTRY.encode(new SaslAuth("EXTERNAL", Option.some(Bytes.empty())), Namespaces.CLIENT);
        assertThat(encoded.text()).isEqualTo("=");
    }

    @Test
    void encodesStanzasInTheStreamsContentNamespace() {
        Message message = Message.chat(Jid.of("romeo@example.net"), "art thou");
        XmlEncoder encoder = new XmlEncoder();
        String client = new String(encoder.encode(REGISTRY.encode(message, Namespaces.CLIENT), Namespaces.CLIENT), StandardCharsets.UTF_8);
        assertThat(client).isEqualTo("<message to=\"romeo@example.net\" type=\"chat\"><body>art thou</body></message>");
        String server = encoder.toXml(REGISTRY.encode(message, Namespaces.SERVER));
        assertThat(server).startsWith("<message xmlns=\"jabber:server\"");
    }
}
