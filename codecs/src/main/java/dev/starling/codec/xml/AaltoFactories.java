package dev.starling.codec.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.aalto.stax.OutputFactoryImpl;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/**
 * The Aalto factories, configured once for XMPP and never changed afterwards: namespace-aware,
 * entity references reported (never expanded) so that they can be refused, no DTD processing,
 * no coalescing (text is appended as it arrives).
 */
final class AaltoFactories {

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
        return factory;
    }

    private static XMLOutputFactory configureOutput() {
        XMLOutputFactory factory = new OutputFactoryImpl();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, false);
        return factory;
    }
}
