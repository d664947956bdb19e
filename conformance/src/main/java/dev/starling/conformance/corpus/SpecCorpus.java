package dev.starling.conformance.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed corpus of spec examples: one JSON file per document under
 * {@code spec-examples/} on the class path, listed in {@code spec-examples/index.json}.
 */
public final class SpecCorpus {

    /** The class-path folder of the corpus. */
    public static final String RESOURCE_DIR = "spec-examples/";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecCorpus() {
    }

    /** Every document of the corpus, in index order. */
    public static List<SpecDocument> load() {
        List<SpecDocument> documents = new ArrayList<>();
        for (String fileName : index()) {
            documents.add(read(fileName));
        }
        return documents;
    }

    /** The document stored under this file name (e.g. {@code rfc6120.json}). */
    public static SpecDocument read(String fileName) {
        try (InputStream in = resource(fileName)) {
            return JSON.readValue(in, SpecDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + fileName, e);
        }
    }

    /** The file names listed in the index. */
    public static List<String> index() {
        try (InputStream in = resource("index.json")) {
            return List.of(JSON.readValue(in, String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus index", e);
        }
    }

    private static InputStream resource(String fileName) throws IOException {
        InputStream in = SpecCorpus.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName);
        if (in == null) {
            throw new IOException("missing class-path resource " + RESOURCE_DIR + fileName);
        }
        return in;
    }
}
