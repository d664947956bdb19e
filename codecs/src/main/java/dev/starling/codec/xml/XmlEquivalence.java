package dev.starling.codec.xml;

import dev.starling.model.element.Element;
import dev.starling.model.element.Node;
import dev.starling.model.element.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares elements as XML documents: names and attribute sets must match (attribute order
 * never matters) and children must match in order, with insignificant whitespace ignored:
 * whitespace-only text (indentation, or a pretty-printed empty element) is dropped and the text of
 * a leaf element is compared without its leading and trailing whitespace.
 */
public final class XmlEquivalence {

    private XmlEquivalence() {
    }

    /** Whether the two elements are equivalent. */
    public static boolean equivalent(Element a, Element b) {
        return normalize(a).equals(normalize(b));
    }

    /** The element with insignificant whitespace removed at every level. */
    public static Element normalize(Element element) {
        boolean hasElementChild = element.children().exists(Element.class::isInstance);
        List<Node> kept = new ArrayList<>(element.children().size());
        boolean changed = false;
        for (Node child : element.children()) {
            if (child instanceof Text text && text.isWhitespace()) {
                changed = true;
            } else if (child instanceof Text text && !hasElementChild && !text.value().strip().equals(text.value())) {
                kept.add(new Text(text.value().strip()));
                changed = true;
            } else if (child instanceof Element e) {
                Element normalized = normalize(e);
                changed |= normalized != e;
                kept.add(normalized);
            } else {
                kept.add(child);
            }
        }
        return changed ? element.replaceChildren(kept) : element;
    }
}
