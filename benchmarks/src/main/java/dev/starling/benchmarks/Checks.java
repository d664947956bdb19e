package dev.starling.benchmarks;

import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stream.StreamElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;

import java.util.List;

/** Sanity checks run in benchmark setups, so that no benchmark measures less work than it claims. */
final class Checks {

    private Checks() {
    }

    /** Fails unless {@code actual == expected}. */
    static void equal(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** Fails unless both lists hold equal values in the same order. */
    static void same(String what, List<?> expected, List<?> actual) {
        equal(what + ": count", expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new IllegalStateException(what + ": #" + i + " differs: " + expected.get(i) + " vs " + actual.get(i));
            }
        }
    }

    /** Fails unless Starling's typed stanzas have the corpus' mix, with bodies and statuses read. */
    static void typedMix(StanzaCorpus corpus, List<StreamElement> typed) {
        equal("Starling messages with a body", corpus.messageCount(),
                typed.stream().filter(s -> s instanceof Message m && m.body().isDefined()).count());
        equal("Starling presences with a status", corpus.presenceCount(),
                typed.stream().filter(s -> s instanceof Presence p && p.status().isDefined()).count());
        equal("Starling IQs with a payload", corpus.iqCount(),
                typed.stream().filter(s -> s instanceof Iq iq && iq.payload().isDefined()).count());
    }

    /** Fails unless Smack's stanzas have the corpus' mix, with bodies, statuses and IQ payloads read. */
    static void smackMix(StanzaCorpus corpus, List<Stanza> stanzas) {
        equal("Smack messages with a body", corpus.messageCount(), stanzas.stream()
                .filter(s -> s instanceof org.jivesoftware.smack.packet.Message m && m.getBody() != null).count());
        equal("Smack presences with a status", corpus.presenceCount(), stanzas.stream()
                .filter(s -> s instanceof org.jivesoftware.smack.packet.Presence p && p.getStatus() != null).count());
        equal("Smack IQs with a child element", corpus.iqCount(),
                stanzas.stream().filter(s -> s instanceof IQ iq && iq.getChildElementName() != null).count());
    }

    /** Fails unless each output is the matching stanza's element, carrying its id. */
    static void smackOutput(List<Stanza> stanzas, List<String> outputs) {
        equal("Smack outputs", stanzas.size(), outputs.size());
        for (int i = 0; i < stanzas.size(); i++) {
            Stanza stanza = stanzas.get(i);
            String output = outputs.get(i);
            if (!output.startsWith("<" + stanza.getElementName() + " ") || !output.contains("id='" + stanza.getStanzaId() + "'")) {
                throw new IllegalStateException("Smack wrote " + output + " for " + stanza);
            }
        }
    }
}
