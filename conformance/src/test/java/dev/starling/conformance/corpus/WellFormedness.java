package dev.starling.conformance.corpus;

import com.ctc.wstx.stax.WstxInputFactory;
import io.vavr.control.Option;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;

/**
 * Checks that an example part is well-formed XML as it would appear on a stream: a sequence of
 * elements inside a stream whose header binds the {@code stream} and {@code db} prefixes. An
 * opening stream header without its close (or a lone close) is completed, since examples show one
 * side of a long-lived stream, in the prefixed form and the prefix-free one; a leading XML
 * declaration is allowed.
 */
final class WellFormedness {

    private static final XMLInputFactory FACTORY = configure();
    private static final java.util.regex.Pattern PREFIX_FREE_HEADER = java.util.regex.Pattern.compile("<stream[\\s>]");
    private static final String OPEN = "<wrapper xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'>";

    private WellFormedness() {
    }

    private static XMLInputFactory configure() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The problem with the part, or none when it is well-formed. */
    static Option<String> problem(String part) {
        String body = asStreamContent(part);
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(OPEN + body + "</wrapper>"));
            while (reader.hasNext()) {
                reader.next();
            }
            return Option.none();
        } catch (XMLStreamException e) {
            return Option.some(String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    /** The part as content of a stream: declaration dropped, a half-shown stream completed. */
    static String asStreamContent(String part) {
        String body = part.strip();
        if (body.startsWith("<?xml")) {
            body = body.substring(body.indexOf("?>") + 2);
        }
        body = completed(body, body.contains("<stream:stream"), "</stream:stream>");
        return completed(body, PREFIX_FREE_HEADER.matcher(body).find(), "</stream>"); // RFC 6120 §4.8.2
    }

    private static String completed(String body, boolean opens, String close) {
        boolean closes = body.contains(close);
        if (opens && !closes) {
            return body + close;
        }
        return closes && !opens ? body.replace(close, "") : body;
    }
}
