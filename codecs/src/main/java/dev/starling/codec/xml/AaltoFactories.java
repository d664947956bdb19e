package dev.starling.codec.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.aalto.stax.OutputFactoryImpl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLOutputFactory;

/**
 * The Aalto factories, configured once for XMPP and never changed afterwards: namespace-aware,
 * entity references reported (never expanded) so that they can be refused, no DTD processing,
 * no coalescing (text is appended as it arrives).
 *
 * <p>Every parser starts from its factory's table of names. Aalto adds to that table only when a parser is
 * closed; Starling never closes one, so the table is what {@link #PRIMED_NAMES} put there when the factory was
 * built, a constant: the element and attribute names of the core and everyday stanzas are found without being
 * decoded and interned again by every parser (the decoder takes a new parser after each idle gap), and no peer
 * can make the table grow.
 */
final class AaltoFactories {

    /** Names of RFC 6120/6121 streams and stanzas and of the everyday extensions, as they appear on the wire. */
    static final List<String> PRIMED_NAMES = List.of(
            "stream:stream", "stream:features", "stream:error", "xmlns", "xmlns:stream", "xml:lang", "version", "to",
            "from", "id", "type", "message", "presence", "iq", "body", "subject", "thread", "parent", "show", "status",
            "priority", "error", "code", "text", "by", "query", "item", "items", "jid", "name", "subscription", "ask",
            "approved", "group", "ver", "node", "hash", "c", "ext", "x", "delay", "stamp", "active", "composing",
            "paused", "inactive", "gone", "request", "received", "ping", "time", "tzo", "utc", "starttls", "proceed",
            "required", "mechanisms", "mechanism", "auth", "challenge", "response", "success", "failure", "abort",
            "bind", "resource", "session", "optional", "sm", "enable", "enabled", "resume", "resumed", "r", "a", "h",
            "max", "location", "previd", "identity", "category", "feature", "var", "field", "value", "label", "open",
            "close", "data", "seq", "sid", "block-size", "stanza", "si", "file", "size", "date", "desc", "range",
            "offset", "length", "streamhost", "streamhost-used", "activate", "host", "port", "mode", "vCard", "PHOTO",
            "BINVAL", "TYPE", "FN", "NICKNAME", "photo", "block", "unblock", "blocklist", "list", "default",
            "action", "order", "forwarded", "result", "fin", "set", "first", "last", "count", "before", "after",
            "private", "storage", "conference", "autojoin", "nick", "password", "url", "attention", "jingle",
            "initiator", "responder", "content", "creator", "description", "transport", "candidate", "reason",
            "pubsub", "publish", "event", "retract", "subscribe", "headers", "header", "offline",
            "purge", "view", "fetch");

    private static final AsyncXMLInputFactory INPUT = configureInput();
    private static final XMLOutputFactory OUTPUT = configureOutput();

    private AaltoFactories() {
    }

    static AsyncXMLStreamReader<AsyncByteArrayFeeder> newAsyncReader() {
        return INPUT.createAsyncForByteArray();
    }

    static XMLOutputFactory output() {
        return OUTPUT;
    }

    private static AsyncXMLInputFactory configureInput() {
        AsyncXMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        prime(factory);
        return factory;
    }

    /** Parses one document naming {@link #PRIMED_NAMES} and closes its parser, which hands its names to the factory. */
    private static void prime(AsyncXMLInputFactory factory) {
        StringBuilder document = new StringBuilder("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
        for (String name : PRIMED_NAMES) {
            if (!name.startsWith("xml")) {
                document.append('<').append(name).append("/>");
            }
        }
        document.append("<x");
        for (String name : PRIMED_NAMES) {
            if (!name.startsWith("xmlns") && !name.contains("stream:")) {
                document.append(' ').append(name).append("=''");
            }
        }
        document.append("/></stream:stream>");
        byte[] bytes = document.toString().getBytes(StandardCharsets.UTF_8);
        try {
            AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = factory.createAsyncForByteArray();
            reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
            reader.getInputFeeder().endOfInput();
            while (reader.next() != XMLStreamConstants.END_DOCUMENT) {
                // every event read puts its names into the parser's table
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the priming document did not parse", e);
        }
    }

    private static XMLOutputFactory configureOutput() {
        XMLOutputFactory factory = new OutputFactoryImpl();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, false);
        return factory;
    }
}
