package dev.starling.model.element;

import dev.starling.model.Extension;
import dev.starling.model.stream.StreamElement;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Arrays;
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
 * attribute values contain only XML 1.0 characters (checked on construction, or by the XML parser
 * for a {@link #parsedBuilder parsed} element).
 */
public final class Element implements Node, Extension, StreamElement {

    private static final QName[] NO_NAMES = new QName[0];
    private static final String[] NO_VALUES = new String[0];
    private static final Node[] NO_CHILDREN = new Node[0];

    private final QName name;
    private final QName[] attributeNames;   // never modified after construction; unique
    private final String[] attributeValues; // parallel to attributeNames
    private final Node[] children;          // never modified after construction; adjacent text merged
    private Seq<Attribute> attributeView;
    private Seq<Node> childView;
    private int hash;

    private Element(QName name, QName[] attributeNames, String[] attributeValues, Node[] children) {
        this.name = name;
        this.attributeNames = attributeNames;
        this.attributeValues = attributeValues;
        this.children = children;
    }

    /** An empty element with the given name. */
    public static Element of(QName name) {
        return new Element(Objects.requireNonNull(name, "name"), NO_NAMES, NO_VALUES, NO_CHILDREN);
    }

    /** An empty element with the given namespace and local name. */
    public static Element of(String namespace, String localName) {
        return of(new QName(namespace, localName));
    }

    /** A builder for an element with the given name. */
    public static Builder builder(QName name) {
        return new Builder(name, true);
    }

    /** A builder for an element with the given namespace and local name. */
    public static Builder builder(String namespace, String localName) {
        return new Builder(new QName(namespace, localName), true);
    }

    /**
     * A builder for XML parsers: text and attribute values are taken as already checked against
     * the XML 1.0 character rules, which a conforming parser enforces (well-formedness, XML 1.0
     * §2.2) on input it has verified to be UTF-8. Everything else must use {@link #builder}. A
     * parser may {@link Builder#reset reset} and reuse the builder for the next element.
     */
    public static Builder parsedBuilder(QName name) {
        return new Builder(name, false);
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
        Seq<Attribute> view = attributeView;
        if (view == null) {
            Attribute[] attributes = new Attribute[attributeNames.length];
            for (int i = 0; i < attributes.length; i++) {
                attributes[i] = Attribute.parsed(attributeNames[i], attributeValues[i]);
            }
            view = attributes.length == 0 ? Array.empty() : Array.of(attributes);
            attributeView = view;
        }
        return view;
    }

    /** The number of attributes. */
    public int attributeCount() {
        return attributeNames.length;
    }

    /** The value of the unqualified attribute with this local name. */
    public Option<String> attribute(String localName) {
        for (int i = 0; i < attributeNames.length; i++) {
            QName n = attributeNames[i];
            if (n.localName().equals(localName) && n.isUnqualified()) {
                return Option.some(attributeValues[i]);
            }
        }
        return Option.none();
    }

    /** The value of the attribute with this qualified name. */
    public Option<String> attribute(QName attributeName) {
        for (int i = 0; i < attributeNames.length; i++) {
            if (attributeNames[i].equals(attributeName)) {
                return Option.some(attributeValues[i]);
            }
        }
        return Option.none();
    }

    public Seq<Node> children() {
        Seq<Node> view = childView;
        if (view == null) {
            view = children.length == 0 ? Array.empty() : Array.of(children);
            childView = view;
        }
        return view;
    }

    /** The number of children. */
    public int childCount() {
        return children.length;
    }

    /** Whether any child is an element (not only text). */
    public boolean hasElementChildren() {
        for (Node n : children) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    /** The child elements, in document order. */
    public Seq<Element> elements() {
        return children().filter(Element.class::isInstance).map(Element.class::cast);
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
        if (children.length == 1 && children[0] instanceof Text t) {
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
        return children.length == 0;
    }

    /** A copy with this unqualified attribute set (replacing any previous value). */
    public Element withAttribute(String localName, String value) {
        return withAttribute(QName.local(localName), value);
    }

    /** A copy with this attribute set (replacing any previous value). */
    public Element withAttribute(QName attributeName, String value) {
        Attribute checked = new Attribute(attributeName, value);
        for (int i = 0; i < attributeNames.length; i++) {
            if (attributeNames[i].equals(attributeName)) {
                String[] replaced = attributeValues.clone();
                replaced[i] = checked.value();
                return new Element(name, attributeNames, replaced, children);
            }
        }
        QName[] names = Arrays.copyOf(attributeNames, attributeNames.length + 1);
        String[] values = Arrays.copyOf(attributeValues, attributeValues.length + 1);
        names[attributeNames.length] = attributeName;
        values[attributeValues.length] = checked.value();
        return new Element(name, names, values, children);
    }

    /** A copy with this attribute set when the value is present, otherwise unchanged. */
    public Element withAttribute(String localName, Option<String> value) {
        return value.isDefined() ? withAttribute(localName, value.get()) : this;
    }

    /** A copy without the attribute of this name. */
    public Element withoutAttribute(QName attributeName) {
        for (int i = 0; i < attributeNames.length; i++) {
            if (attributeNames[i].equals(attributeName)) {
                QName[] names = new QName[attributeNames.length - 1];
                String[] values = new String[attributeValues.length - 1];
                System.arraycopy(attributeNames, 0, names, 0, i);
                System.arraycopy(attributeValues, 0, values, 0, i);
                System.arraycopy(attributeNames, i + 1, names, i, names.length - i);
                System.arraycopy(attributeValues, i + 1, values, i, values.length - i);
                return new Element(name, names, values, children);
            }
        }
        return this;
    }

    /** A copy with a node appended to the children (adjacent text is merged). */
    public Element withChild(Node child) {
        return copyBuilder().child(child).build();
    }

    /** A copy with nodes appended to the children (adjacent text is merged). */
    public Element withChildren(Iterable<? extends Node> nodes) {
        Builder builder = copyBuilder();
        nodes.forEach(builder::child);
        return builder.build();
    }

    /** A copy with text appended (nothing happens for an empty string). */
    public Element withText(String text) {
        return copyBuilder().text(text).build();
    }

    /** A copy with all children replaced by these nodes. */
    public Element replaceChildren(Iterable<? extends Node> nodes) {
        Builder builder = new Builder(name, false);
        builder.attributeNames = attributeNames.clone();
        builder.attributeValues = attributeValues.clone();
        builder.attributeCount = attributeNames.length;
        nodes.forEach(builder::child);
        return builder.build();
    }

    private Builder copyBuilder() {
        Builder builder = new Builder(name, false); // the content is already checked
        builder.attributeNames = attributeNames.clone();
        builder.attributeValues = attributeValues.clone();
        builder.attributeCount = attributeNames.length;
        builder.children = Arrays.copyOf(children, children.length + 2);
        builder.childCount = children.length;
        if (builder.childCount > 0 && builder.children[builder.childCount - 1] instanceof Text last) {
            builder.childCount--; // so that appended text merges with it
            builder.pendingSingle = last.value();
        }
        return builder.checking(true);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Element other)) {
            return false;
        }
        if (!name.equals(other.name) || attributeNames.length != other.attributeNames.length
                || children.length != other.children.length) {
            return false;
        }
        for (int i = 0; i < attributeNames.length; i++) {
            Option<String> theirs = other.attribute(attributeNames[i]);
            if (theirs.isEmpty() || !theirs.get().equals(attributeValues[i])) {
                return false;
            }
        }
        return Arrays.equals(children, other.children);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            int attributeHash = 0;
            for (int i = 0; i < attributeNames.length; i++) {
                attributeHash += 31 * attributeNames[i].hashCode() + attributeValues[i].hashCode(); // order-insensitive
            }
            h = 31 * (31 * name.hashCode() + attributeHash) + Arrays.hashCode(children);
            hash = h;
        }
        return h;
    }

    /** A compact debugging form (not XML: writing XML is the codec's job). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Element[").append(name);
        for (int i = 0; i < attributeNames.length; i++) {
            sb.append(' ').append(attributeNames[i]).append("=\"").append(attributeValues[i]).append('"');
        }
        if (children.length > 0) {
            sb.append(" children=").append(children.length);
        }
        return sb.append(']').toString();
    }

    /**
     * Builds an element in document order. Attribute names must be unique; adjacent text runs
     * are merged into one {@link Text} node; empty text is ignored. A builder is a local, mutable
     * object owned by one thread; a parser may reuse one per nesting depth with {@link #reset}.
     */
    public static final class Builder {
        private QName name;
        private boolean checking;
        private QName[] attributeNames = NO_NAMES;
        private String[] attributeValues = NO_VALUES;
        private int attributeCount;
        private Node[] children = NO_CHILDREN;
        private int childCount;
        private String pendingSingle;
        private StringBuilder pendingText;

        private Builder(QName name, boolean checking) {
            this.name = Objects.requireNonNull(name, "name");
            this.checking = checking;
        }

        private Builder checking(boolean value) {
            checking = value;
            return this;
        }

        /** Starts over with a new element name, keeping the builder's buffers (for parsers). */
        public Builder reset(QName newName) {
            name = Objects.requireNonNull(newName, "newName");
            Arrays.fill(attributeValues, 0, attributeCount, null);
            Arrays.fill(children, 0, childCount, null);
            attributeCount = 0;
            childCount = 0;
            pendingSingle = null;
            pendingText = null;
            return this;
        }

        /** Adds an unqualified attribute. */
        public Builder attribute(String localName, String value) {
            return attribute(QName.local(localName), value);
        }

        /** Adds an attribute; its name must not be present already. */
        public Builder attribute(QName attributeName, String value) {
            Objects.requireNonNull(attributeName, "attributeName");
            for (int i = 0; i < attributeCount; i++) {
                if (attributeNames[i].equals(attributeName)) {
                    throw new IllegalArgumentException("duplicate attribute " + attributeName);
                }
            }
            if (checking) {
                new Attribute(attributeName, value); // throws on characters XML cannot carry
            } else {
                Objects.requireNonNull(value, "value");
            }
            if (attributeCount == attributeNames.length) {
                int capacity = Math.max(4, attributeCount * 2);
                attributeNames = Arrays.copyOf(attributeNames, capacity);
                attributeValues = Arrays.copyOf(attributeValues, capacity);
            }
            attributeNames[attributeCount] = attributeName;
            attributeValues[attributeCount++] = value;
            return this;
        }

        /** Adds an unqualified attribute when the value is present. */
        public Builder attribute(String localName, Option<String> value) {
            return value.isDefined() ? attribute(localName, value.get()) : this;
        }

        /** The number of attributes added so far. */
        public int attributeCount() {
            return attributeCount;
        }

        /** Appends a child node. */
        public Builder child(Node node) {
            Objects.requireNonNull(node, "node");
            if (node instanceof Text t) {
                return appendText(t.value(), false);
            }
            flushText();
            add(node);
            return this;
        }

        /** Appends character data (merged with adjacent text). */
        public Builder text(String text) {
            return appendText(text, checking);
        }

        private Builder appendText(String text, boolean check) {
            if (text.isEmpty()) {
                return this;
            }
            if (check) {
                new Text(text); // throws on characters XML cannot carry
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
                add(Text.parsed(pendingSingle));
                pendingSingle = null;
            } else if (pendingText != null) {
                add(Text.parsed(pendingText.toString()));
                pendingText = null;
            }
        }

        private void add(Node node) {
            if (childCount == children.length) {
                children = Arrays.copyOf(children, Math.max(4, childCount * 2));
            }
            children[childCount++] = node;
        }

        /** The element built so far; the builder can go on or be {@link #reset}. */
        public Element build() {
            flushText();
            return new Element(name,
                    attributeCount == 0 ? NO_NAMES : Arrays.copyOf(attributeNames, attributeCount),
                    attributeCount == 0 ? NO_VALUES : Arrays.copyOf(attributeValues, attributeCount),
                    childCount == 0 ? NO_CHILDREN : Arrays.copyOf(children, childCount));
        }
    }
}
