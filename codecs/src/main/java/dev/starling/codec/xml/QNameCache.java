package dev.starling.codec.xml;

import dev.starling.model.element.QName;

/**
 * Interns the qualified names of one decoder, so that repeated names cost neither allocation nor
 * NCName validation. Aalto hands out canonical String instances for names and namespace URIs,
 * so entries are matched by identity in a small open-addressing table. The table is bounded: a
 * peer sending endless distinct names only gets uncached names.
 */
final class QNameCache {

    private static final int CAPACITY = 1024; // a power of two
    private static final int MAX_ENTRIES = CAPACITY / 2;
    private static final int MAX_PROBES = 8;

    private final String[] namespaces = new String[CAPACITY];
    private final String[] locals = new String[CAPACITY];
    private final QName[] names = new QName[CAPACITY];
    private int size;

    QName get(String namespace, String localName) {
        int start = (System.identityHashCode(localName) * 31 + System.identityHashCode(namespace)) & (CAPACITY - 1);
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int i = (start + probe) & (CAPACITY - 1);
            QName cached = names[i];
            if (cached == null) {
                QName created = new QName(namespace, localName);
                if (size < MAX_ENTRIES) {
                    namespaces[i] = namespace;
                    locals[i] = localName;
                    names[i] = created;
                    size++;
                }
                return created;
            }
            if (locals[i] == localName && namespaces[i] == namespace) {
                return cached;
            }
        }
        return new QName(namespace, localName);
    }
}
