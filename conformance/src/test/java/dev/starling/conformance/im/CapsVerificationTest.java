package dev.starling.conformance.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.machine.caps.CapsCache;
import dev.starling.machine.caps.CapsVerification;
import dev.starling.model.Namespaces;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.Identity;
import dev.starling.model.im.Caps;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XEP-0115 §5 verification string against the XEP's two worked examples (§5.2, the simple
 * one, whose 'ver' Example 1 carries in presence; §5.3, with two languages and a XEP-0128 form),
 * the §5.4 ill-formed cases, and the cache that trusts only what it verified.
 */
class CapsVerificationTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final Array<String> FEATURES = Array.of("http://jabber.org/protocol/caps", "http://jabber.org/protocol/disco#info",
            "http://jabber.org/protocol/disco#items", "http://jabber.org/protocol/muc");

    /** §5.2: one identity, four features. */
    private static DiscoInfo exodus() {
        return DiscoInfo.of(Array.of(new Identity("client", "pc", Option.some("Exodus 0.9.1"), Option.none())), FEATURES);
    }

    /** §5.3, as the XEP writes it. */
    private static final String PSI = "<iq from='benvolio@capulet.lit/230193' id='disco1' to='juliet@capulet.lit/chamber' type='result'>"
            + "<query xmlns='http://jabber.org/protocol/disco#info' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
            + "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
            + "<identity xml:lang='el' category='client' name='\u03a8 0.11' type='pc'/>"
            + "<feature var='http://jabber.org/protocol/caps'/><feature var='http://jabber.org/protocol/disco#info'/>"
            + "<feature var='http://jabber.org/protocol/disco#items'/><feature var='http://jabber.org/protocol/muc'/>"
            + "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
            + "<field var='ip_version' type='text-multi'><value>ipv4</value><value>ipv6</value></field>"
            + "<field var='os'><value>Mac</value></field><field var='os_version'><value>10.5.1</value></field>"
            + "<field var='software'><value>Psi</value></field><field var='software_version'><value>0.11</value></field></x>"
            + "</query></iq>";

    @Test
    void theSimpleExampleHashesToTheVerOfExample1() {
        Presence example1 = (Presence) decode(SpecCorpus.read("xep-0115.json").examples().stream().filter(e -> e.number() == 1)
                .findFirst().get().text());
        assertThat(CapsVerification.string(exodus())).contains("client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<"
                + "http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<");
        assertThat(CapsVerification.sha1(exodus())).contains(example1.firstChild(Caps.class).get().ver());
    }

    @Test
    void theComplexExampleWithLanguagesAndAFormHashesToItsVer() {
        DiscoInfo psi = ((Iq) decode(PSI)).firstChild(DiscoInfo.class).get();
        assertThat(CapsVerification.sha1(psi)).contains("q07IKJEyjvHSyhy//CH0CxmKi8w=");
    }

    @Test
    void illFormedResultsHaveNoVerificationString() {
        DiscoInfo twice = DiscoInfo.of(exodus().identities().appendAll(exodus().identities()), FEATURES);
        assertThat(CapsVerification.sha1(twice).isLeft()).as("duplicate identity").isTrue();
        assertThat(CapsVerification.sha1(DiscoInfo.of(exodus().identities(), FEATURES.append(FEATURES.head()))).isLeft())
                .as("duplicate feature").isTrue();
        DiscoInfo psi = ((Iq) decode(PSI)).firstChild(DiscoInfo.class).get();
        DiscoInfo twoForms = new DiscoInfo(psi.node(), psi.identities(), psi.features(), psi.extensions().appendAll(psi.extensions()));
        assertThat(CapsVerification.sha1(twoForms).isLeft()).as("two forms with one FORM_TYPE").isTrue();
    }

    @Test
    void theCacheTrustsOnlyWhatItVerified() {
        Caps honest = Caps.sha1("http://code.google.com/p/exodus", "QgayPKawpkPSDYmwT/WM94uAlu0=");
        CapsCache cache = CapsCache.EMPTY.learn("romeo@montague.lit/orchard", honest, exodus());
        assertThat(cache.lookup("anyone@else.lit/x", honest)).as("verified: good for everyone").contains(exodus());

        Caps poisoned = Caps.sha1("http://evil.example", "QgayPKawpkPSDYmwT/WM94uAlu0=");
        DiscoInfo lie = DiscoInfo.of(exodus().identities(), Array.of("urn:evil"));
        CapsCache after = CapsCache.EMPTY.learn("iago@evil.example/x", poisoned, lie);
        assertThat(after.lookup("anyone@else.lit/x", poisoned)).as("a result that does not hash to the ver is not shared").isEmpty();
        assertThat(after.lookup("iago@evil.example/x", poisoned)).as("but kept for its sender").contains(lie);
    }

    private static Stanza decode(String xml) {
        StreamEvent.TopLevelElement top = (StreamEvent.TopLevelElement) StreamReplay.events(xml, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)
                .find(StreamEvent.TopLevelElement.class::isInstance).get();
        return REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(top.element(), Namespaces.CLIENT).get(), Namespaces.CLIENT).get();
    }
}
