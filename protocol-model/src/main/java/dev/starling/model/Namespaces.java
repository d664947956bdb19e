package dev.starling.model;

/** Namespace names of RFC 6120 and RFC 6121 that the core model refers to. */
public final class Namespaces {

    /** The namespace bound to the {@code xml} prefix (XML Namespaces §3), e.g. {@code xml:lang}. */
    public static final String XML = "http://www.w3.org/XML/1998/namespace";
    /** The stream namespace, RFC 6120 §4.8.1. */
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    /** The client-to-server content namespace, RFC 6120 §4.8.2. */
    public static final String CLIENT = "jabber:client";
    /** The server-to-server content namespace, RFC 6120 §4.8.2. */
    public static final String SERVER = "jabber:server";
    /** The component content namespace, XEP-0114. */
    public static final String COMPONENT_ACCEPT = "jabber:component:accept";
    /** Stream error conditions, RFC 6120 §4.9.3. */
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    /** Stanza error conditions, RFC 6120 §8.3.3. */
    public static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    /** STARTTLS, RFC 6120 §5.4. */
    public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    /** SASL, RFC 6120 §6.4. */
    public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    /** Resource binding, RFC 6120 §7.4. */
    public static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    /** Session establishment, RFC 3921 §3 (legacy). */
    public static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";

    private Namespaces() {
    }

    /** Whether the namespace is one of the stanza content namespaces (client, server, component). */
    public static boolean isContentNamespace(String namespace) {
        return CLIENT.equals(namespace) || SERVER.equals(namespace) || COMPONENT_ACCEPT.equals(namespace);
    }
}
