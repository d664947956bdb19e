package dev.starling.model.element;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ElementTest {

    private static final QName QUERY = QName.of("jabber:iq:roster", "query");

    @Test
    void attributeOrderDoesNotMatterButChildOrderDoes() {
        Element a = Element.of(QUERY).withAttribute("ver", "1").withAttribute("x", "2");
        Element b = Element.of(QUERY).withAttribute("x", "2").withAttribute("ver", "1");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        Element first = Element.of(QUERY).withChild(Element.of("urn:a", "one")).withChild(Element.of("urn:a", "two"));
        Element second = Element.of(QUERY).withChild(Element.of("urn:a", "two")).withChild(Element.of("urn:a", "one"));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void mergesAdjacentTextAndIgnoresEmptyText() {
        Element e = Element.builder(QUERY).text("a").text("").text("b").child(new Text("c")).build();
        assertThat(e.children()).containsExactly(new Text("abc"));
        assertThat(e.text()).isEqualTo("abc");
        assertThat(e.withText("d").children()).containsExactly(new Text("abcd"));
        assertThat(e.withChild(new Text("d"))).isEqualTo(Element.of(QUERY).withText("abcd"));
    }

    @Test
    void replacingAnAttributeKeepsOneValue() {
        Element e = Element.of(QUERY).withAttribute("ver", "1").withAttribute("ver", "2");
        assertThat(e.attributes()).hasSize(1);
        assertThat(e.attribute("ver")).contains("2");
        assertThat(e.withoutAttribute(QName.local("ver")).attributes()).isEmpty();
    }

    @Test
    void refusesWhatXmlCannotCarry() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Text("bell \u0007"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Text("lone \ud800 surrogate"));
        assertThatIllegalArgumentException().isThrownBy(() -> Element.of(QUERY).withAttribute("a", "\uffff"));
        assertThatIllegalArgumentException().isThrownBy(() -> QName.of("urn:x", "not:ncname"));
        assertThatIllegalArgumentException().isThrownBy(() -> QName.of("urn:x", "1abc"));
        assertThatIllegalArgumentException().isThrownBy(() -> Element.builder(QUERY).attribute("a", "1").attribute("a", "2"));
        assertThatIllegalArgumentException().isThrownBy(() -> Element.builder(QUERY).text("\u0000"));
        assertThatIllegalArgumentException().isThrownBy(() -> Element.of(QUERY).withText("a\u0000"));
        assertThat(new Text("emoji \ud83d\ude00 and tab\t").value()).contains("\ud83d\ude00");
    }

    @Test
    void findsChildrenByQualifiedName() {
        Element item = Element.of("jabber:iq:roster", "item").withAttribute("jid", "romeo@example.net");
        Element e = Element.of(QUERY).withText("  ").withChild(item).withChild(Element.of("urn:other", "item"));
        assertThat(e.element(QName.of("jabber:iq:roster", "item"))).contains(item);
        assertThat(e.elements()).hasSize(2);
        assertThat(e.elements(QName.of("urn:other", "item"))).hasSize(1);
        assertThat(e.element("urn:missing", "item")).isEmpty();
    }
}
