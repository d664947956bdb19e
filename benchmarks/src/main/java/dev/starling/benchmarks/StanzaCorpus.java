package dev.starling.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * A fixed, deterministic sample of what a client receives: a {@code jabber:client} stream header
 * followed by about 64 KiB of stanzas (150 to 900 bytes each), in a repeating order of chat
 * messages, presences, roster pushes and disco#info results, and the closing stream tag. Built once from a fixed seed; the
 * same bytes on every run and JDK.
 *
 * <p>Run {@link #main} to print its size and mix; decode throughput in MB/s is ops/s times
 * {@link #totalBytes()} / 10<sup>6</sup>, in stanzas/s ops/s times {@link #stanzaCount()}.
 */
public final class StanzaCorpus {

    /** The stream header that precedes the stanzas. */
    public static final String STREAM_HEADER = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    /** The closing tag that ends the corpus. */
    public static final String STREAM_FOOTER = "</stream:stream>";

    /** The namespace of the stream's content. */
    public static final String CONTENT_NAMESPACE = "jabber:client";

    private static final int TARGET_STANZA_BYTES = 64 * 1024;
    private static final long SEED = 20240601L;

    /** The stanza kinds, in the order they repeat through the corpus. */
    private enum Kind {
        MESSAGE(StanzaTemplates::message),
        PRESENCE(StanzaTemplates::presence),
        ROSTER_PUSH(StanzaTemplates::rosterPush),
        DISCO_INFO_RESULT(StanzaTemplates::discoInfoResult);

        private final BiFunction<Random, Integer, String> template;

        Kind(BiFunction<Random, Integer, String> template) {
            this.template = template;
        }
    }

    private static final Kind[] ORDER = {
        Kind.MESSAGE, Kind.PRESENCE, Kind.MESSAGE, Kind.MESSAGE,
        Kind.ROSTER_PUSH, Kind.PRESENCE, Kind.MESSAGE, Kind.DISCO_INFO_RESULT,
    };

    private static final StanzaCorpus STANDARD = build();

    private final byte[] bytes;
    private final List<String> stanzas;
    private final int[] countByKind;

    private StanzaCorpus(byte[] bytes, List<String> stanzas, int[] countByKind) {
        this.bytes = bytes;
        this.stanzas = stanzas;
        this.countByKind = countByKind;
    }

    /** The corpus every codec benchmark uses. */
    public static StanzaCorpus standard() {
        return STANDARD;
    }

    private static StanzaCorpus build() {
        Random random = new Random(SEED);
        List<String> stanzas = new ArrayList<>();
        int[] counts = new int[Kind.values().length];
        int stanzaBytes = 0;
        while (true) {
            Kind kind = ORDER[stanzas.size() % ORDER.length];
            String stanza = kind.template.apply(random, stanzas.size());
            int size = utf8Length(stanza);
            if (size < 150 || size > 900) {
                throw new IllegalStateException(size + " bytes is outside 150..900: " + stanza);
            }
            if (stanzaBytes + size > TARGET_STANZA_BYTES) {
                break;
            }
            stanzas.add(stanza);
            counts[kind.ordinal()]++;
            stanzaBytes += size;
        }
        String stream = STREAM_HEADER + String.join("", stanzas) + STREAM_FOOTER;
        return new StanzaCorpus(stream.getBytes(StandardCharsets.UTF_8), List.copyOf(stanzas), counts);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The stream header, every stanza and the closing tag, UTF-8 encoded; callers must not modify it. */
    public byte[] bytes() {
        return bytes;
    }

    /** The size of {@link #bytes()}. */
    public int totalBytes() {
        return bytes.length;
    }

    /** The stanzas one by one, exactly as they appear in {@link #bytes()}. */
    public List<String> stanzas() {
        return stanzas;
    }

    /** The number of stanzas. */
    public int stanzaCount() {
        return stanzas.size();
    }

    /** The number of {@code <message/>} stanzas. */
    public int messageCount() {
        return countByKind[Kind.MESSAGE.ordinal()];
    }

    /** The number of {@code <presence/>} stanzas. */
    public int presenceCount() {
        return countByKind[Kind.PRESENCE.ordinal()];
    }

    /** The number of {@code <iq/>} stanzas (roster pushes and disco#info results). */
    public int iqCount() {
        return countByKind[Kind.ROSTER_PUSH.ordinal()] + countByKind[Kind.DISCO_INFO_RESULT.ordinal()];
    }

    /** A one-paragraph description: size, stanza count and mix. */
    public String describe() {
        int stanzaBytes = totalBytes() - utf8Length(STREAM_HEADER) - utf8Length(STREAM_FOOTER);
        StringBuilder sb = new StringBuilder();
        sb.append(totalBytes()).append(" bytes (").append(stanzaBytes).append(" bytes of stanzas between a ")
                .append(utf8Length(STREAM_HEADER)).append("-byte stream header and a ").append(utf8Length(STREAM_FOOTER))
                .append("-byte closing tag), ").append(stanzaCount()).append(" stanzas of ")
                .append(stanzaBytes / stanzaCount()).append(" bytes on average:");
        for (Kind kind : Kind.values()) {
            sb.append(' ').append(kind.name().toLowerCase()).append('=').append(countByKind[kind.ordinal()]);
        }
        return sb.toString();
    }

    /** Prints {@link #describe()} and, with the argument {@code -v}, every stanza with its size. */
    public static void main(String[] args) {
        StanzaCorpus corpus = standard();
        System.out.println(corpus.describe());
        if (args.length > 0 && args[0].equals("-v")) {
            corpus.stanzas().forEach(s -> System.out.println(utf8Length(s) + "\t" + s));
        }
    }
}
