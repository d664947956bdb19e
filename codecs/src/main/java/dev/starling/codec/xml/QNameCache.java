package dev.starling.codec.xml;

import dev.starling.model.element.QName;

/**
 * Interns the qualified names of one decoder, so that repeated names cost neither allocation nor
 * NCName validation. Aalto hands out canonical String instances for names and namespace URIs,
 * so entries are matched by identity in a small open-addressing table. The table starts at
 * {@value #INITIAL} slots and doubles while it is half full, up to {@value #MAX_CAPACITY}, so an
 * idle session pays for the few names it has seen (the chat load run measured 12 KiB per session
 * when every table started at the maximum). It is bounded: a peer sending endless distinct names
 * only gets uncached names.
 */
final class QNameCache {

    private static final int INITIAL = 64; // powers of two
    private static final int MAX_CAPACITY = 1024;
    private static final int MAX_PROBES = 8;

    private String[] namespaces = new String[INITIAL];
    private String[] locals = new String[INITIAL];
    private QName[] names = new QName[INITIAL];
    private int size;

    QName get(String namespace, String localName) {
        int capacity = names.length;
        int start = slot(namespace, localName, capacity);
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int i = (start + probe) & (capacity - 1);
            QName cached = names[i];
            if (cached == null) {
                QName created = new QName(namespace, localName);
                if (size < MAX_CAPACITY / 2) {
                    namespaces[i] = namespace;
                    locals[i] = localName;
                    names[i] = created;
                    size++;
                    if (size * 2 >= capacity && capacity < MAX_CAPACITY) {
                        grow();
                    }
                }
                return created;
            }
            if (locals[i] == localName && namespaces[i] == namespace) {
                return cached;
            }
        }
        return new QName(namespace, localName);
    }

    private static int slot(String namespace, String localName, int capacity) {
        return (System.identityHashCode(localName) * 31 + System.identityHashCode(namespace)) & (capacity - 1);
    }

    /** Doubles the table; an entry that finds no slot within the probe limit is dropped (it is only a cache). */
    private void grow() {
        String[] oldNamespaces = namespaces;
        String[] oldLocals = locals;
        QName[] oldNames = names;
        int capacity = oldNames.length * 2;
        namespaces = new String[capacity];
        locals = new String[capacity];
        names = new QName[capacity];
        size = 0;
        for (int old = 0; old < oldNames.length; old++) {
            if (oldNames[old] == null) {
                continue;
            }
            int start = slot(oldNamespaces[old], oldLocals[old], capacity);
            for (int probe = 0; probe < MAX_PROBES; probe++) {
                int i = (start + probe) & (capacity - 1);
                if (names[i] == null) {
                    namespaces[i] = oldNamespaces[old];
                    locals[i] = oldLocals[old];
                    names[i] = oldNames[old];
                    size++;
                    break;
                }
            }
        }
    }
}
