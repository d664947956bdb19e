package dev.starling.model.element;

import dev.starling.model.Extension;
import dev.starling.model.stream.StreamElement;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.ArrayList;
import java.util.Objects;

/**
 * An immutable XML element: a qualified name, attributes (unordered, unique by name) and an
 * ordered list of children. It carries any payload nobody registered a codec for, so that such a
 * payload is kept and re-sent unchanged, never dropped.
 *
 * <p>Equality compares the name, the attributes as a set and the children in order, text
 * included. Comparing documents while ignoring insignificant whitespace is a codec concern.
 *
 * <p>Every instance can be written as well-formed XML: names are NCNames and text and
 * attribute values contain only XML 1.0 characters (checked on construction).
 */
public final class Element implements Node, Extension, StreamElement {

    private final QName name;
    private final Array<Attribute> attributes;
    private final Array<Node> children;
    private int hash;

    private Element(QName name, Array<Attribute> attributes, Array<Node> children) {
        this.name = name;
        this.attributes = attributes;
        this.children = children;
    }

    /** An empty element with the given name. */
    public static Element of(QName name) {
        return new Element(Objects.requireNonNull(name, "name"), Array.empty(), Array.empty());
    }

    /** An empty element with the given namespace and local name. */
    public static Element of(String namespace, String localName) {
        return of(new QName(namespace, localName));
    }

    /** A builder for an element with the given name. */
    public static Builder builder(QName name) {
        return new Builder(name);
    }

    /** A builder for an element with the given namespace and local name. */
    public static Builder builder(String namespace, String localName) {
        return new Builder(new QName(namespace, localName));
    }

    public QName name() {
        return name;
    }

    public String namespace() {
        return name.namespace();
    }

    public String localName() {
        return name.localName();
    }

    /** Whether this element has the given namespace and local name. */
    public boolean is(String namespace, String localName) {
        return name.localName().equals(localName) && name.namespace().equals(namespace);
    }

    public Seq<Attribute> attributes() {
        return attributes;
    }

    /** The value of the unqualified attribute with this local name. */
    public Option<String> attribute(String localName) {
        for (Attribute a : attributes) {
            if (a.name().localName().equals(localName) && a.name().isUnqualified()) {
                return Option.some(a.value());
            }
        }
        return Option.none();
    }

    /** The value of the attribute with this qualified name. */
    public Option<String> attribute(QName attributeName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Option.some(a.value());
            }
        }
        return Option.none();
    }

    public Seq<Node> children() {
        return children;
    }

    /** The child elements, in document order. */
    public Seq<Element> elements() {
        return children.filter(Element.class::isInstance).map(Element.class::cast);
    }

    /** The child elements with this name, in document order. */
    public Seq<Element> elements(QName childName) {
        return elements().filter(e -> e.name.equals(childName));
    }

    /** The first child element with this name. */
    public Option<Element> element(QName childName) {
        for (Node n : children) {
            if (n instanceof Element e && e.name.equals(childName)) {
                return Option.some(e);
            }
        }
        return Option.none();
    }

    /** The first child element with this namespace and local name. */
    public Option<Element> element(String namespace, String localName) {
        for (Node n : children) {
            if (n instanceof Element e && e.is(namespace, localName)) {
                return Option.some(e);
            }
        }
        return Option.none();
    }

    /** The concatenated character data of the direct children ({@code ""} if none). */
    public String text() {
        if (children.size() == 1 && children.get(0) instanceof Text t) {
            return t.value();
        }
        StringBuilder sb = new StringBuilder();
        for (Node n : children) {
            if (n instanceof Text t) {
                sb.append(t.value());
            }
        }
        return sb.toString();
    }

    /** Whether this element has no children at all. */
    public boolean isEmpty() {
        return children.isEmpty();
    }

    /** A copy with this unqualified attribute set (replacing any previous value). */
    public Element withAttribute(String localName, String value) {
        return withAttribute(QName.local(localName), value);
    }

    /** A copy with this attribute set (replacing any previous value). */
    public Element withAttribute(QName attributeName, String value) {
        Attribute attribute = new Attribute(attributeName, value);
        int index = attributes.indexWhere(a -> a.name().equals(attributeName));
        return new Element(name, index < 0 ? attributes.append(attribute) : attributes.update(index, attribute), children);
    }

    /** A copy with this attribute set when the value is present, otherwise unchanged. */
    public Element withAttribute(String localName, Option<String> value) {
        return value.isDefined() ? withAttribute(localName, value.get()) : this;
    }

    /** A copy without the attribute of this name. */
    public Element withoutAttribute(QName attributeName) {
        return new Element(name, attributes.filter(a -> !a.name().equals(attributeName)), children);
    }

    /** A copy with a node appended to the children (adjacent text is merged). */
    public Element withChild(Node child) {
        return new Builder(this).child(child).build();
    }

    /** A copy with nodes appended to the children (adjacent text is merged). */
    public Element withChildren(Iterable<? extends Node> nodes) {
        Builder builder = new Builder(this);
        nodes.forEach(builder::child);
        return builder.build();
    }

    /** A copy with text appended (nothing happens for an empty string). */
    public Element withText(String text) {
        return new Builder(this).text(text).build();
    }

    /** A copy with all children replaced by these nodes. */
    public Element replaceChildren(Iterable<? extends Node> nodes) {
        Builder builder = new Builder(name);
        attributes.forEach(a -> builder.attribute(a.name(), a.value()));
        nodes.forEach(builder::child);
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Element other)) {
            return false;
        }
        if (!name.equals(other.name) || attributes.size() != other.attributes.size()
                || children.size() != other.children.size()) {
            return false;
        }
        for (Attribute a : attributes) {
            if (!other.attributes.contains(a)) {
                return false;
            }
        }
        return children.equals(other.children);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            int attributeHash = 0;
            for (Attribute a : attributes) {
                attributeHash += a.hashCode(); // order-insensitive, like equals
            }
            h = 31 * (31 * name.hashCode() + attributeHash) + children.hashCode();
            hash = h;
        }
        return h;
    }

    /** A compact debugging form (not XML: writing XML is the codec's job). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Element[").append(name);
        attributes.forEach(a -> sb.append(' ').append(a.name()).append("=\"").append(a.value()).append('"'));
        if (!children.isEmpty()) {
            sb.append(" children=").append(children.size());
        }
        return sb.append(']').toString();
    }

    /**
     * Builds an element in document order. Attribute names must be unique; adjacent text runs
     * are merged into one {@link Text} node; empty text is ignored. A builder is a local,
     * single-use object.
     */
    public static final class Builder {
        private final QName name;
        private final ArrayList<Attribute> attributes = new ArrayList<>(4);
        private final ArrayList<Node> children = new ArrayList<>(4);
        private StringBuilder pendingText;
        private String pendingSingle;

        private Builder(QName name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        private Builder(Element from) {
            this(from.name);
            from.attributes.forEach(attributes::add);
            from.children.forEach(this::child);
        }

        /** Adds an unqualified attribute. */
        public Builder attribute(String localName, String value) {
            return attribute(QName.local(localName), value);
        }

        /** Adds an attribute; its name must not be present already. */
        public Builder attribute(QName attributeName, String value) {
            for (Attribute a : attributes) {
                if (a.name().equals(attributeName)) {
                    throw new IllegalArgumentException("duplicate attribute " + attributeName);
                }
            }
            attributes.add(new Attribute(attributeName, value));
            return this;
        }

        /** Adds an unqualified attribute when the value is present. */
        public Builder attribute(String localName, Option<String> value) {
            return value.isDefined() ? attribute(localName, value.get()) : this;
        }

        /** The number of attributes added so far. */
        public int attributeCount() {
            return attributes.size();
        }

        /** Appends a child node. */
        public Builder child(Node node) {
            Objects.requireNonNull(node, "node");
            if (node instanceof Text t) {
                return text(t.value());
            }
            flushText();
            children.add(node);
            return this;
        }

        /** Appends character data (merged with adjacent text). */
        public Builder text(String text) {
            if (text.isEmpty()) {
                return this;
            }
            if (pendingSingle == null && pendingText == null) {
                pendingSingle = text;
            } else {
                if (pendingText == null) {
                    pendingText = new StringBuilder(pendingSingle);
                    pendingSingle = null;
                }
                pendingText.append(text);
            }
            return this;
        }

        private void flushText() {
            if (pendingSingle != null) {
                children.add(new Text(pendingSingle));
                pendingSingle = null;
            } else if (pendingText != null) {
                children.add(new Text(pendingText.toString()));
                pendingText = null;
            }
        }

        /** The element built so far. */
        public Element build() {
            flushText();
            return new Element(name, Array.ofAll(attributes), Array.ofAll(children));
        }
    }
}
