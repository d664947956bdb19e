package dev.starling.model.element;

import java.util.Objects;

/**
 * A qualified XML name: a namespace name and a local name. XMPP identifies every element by its
 * qualified name (RFC 6120 §4.8), never by prefix, so prefixes are not part of this value.
 *
 * @param namespace the namespace name, {@code ""} for no namespace
 * @param localName the local part, an XML NCName
 */
public record QName(String namespace, String localName) implements Comparable<QName> {

    public QName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        if (!XmlChars.isNcName(localName)) {
            throw new IllegalArgumentException("not an XML NCName: '" + localName + "'");
        }
    }

    /** A name in no namespace, as unprefixed attributes have. */
    public static QName local(String localName) {
        return new QName("", localName);
    }

    /** A name in the given namespace. */
    public static QName of(String namespace, String localName) {
        return new QName(namespace, localName);
    }

    /** Whether this name is in no namespace. */
    public boolean isUnqualified() {
        return namespace.isEmpty();
    }

    @Override
    public int compareTo(QName other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : localName.compareTo(other.localName);
    }

    /** Clark notation, {@code {namespace}local}, or just the local name when unqualified. */
    @Override
    public String toString() {
        return namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }
}
