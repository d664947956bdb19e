package dev.starling.conformance.corpus;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Extracts the example corpus from the XSF sources: every {@code <example/>} of every XEP and
 * every {@code <artwork/>} of RFC 6120, 6121 and 7622, written as one JSON file per document plus
 * {@code index.json}. Run it when the specs change; tests read only the committed output.
 *
 * <pre>{@code mvn -q -pl conformance exec:java -Dexec.args="../shared/specs conformance/src/test/resources/spec-examples"}</pre>
 */
public final class SpecCorpusTool {

    /** The RFCs whose artwork the corpus holds. */
    public static final List<String> RFCS = List.of("rfc6120.xml", "rfc6121.xml", "rfc7622.xml");

    private SpecCorpusTool() {
    }

    /** Arguments: the specs folder (with {@code xeps/} and {@code rfcs/}) and the output folder. */
    public static void main(String[] args) throws IOException, XMLStreamException {
        if (args.length != 2) {
            System.err.println("usage: SpecCorpusTool SPECS_DIR OUTPUT_DIR");
            System.exit(2);
        }
        List<SpecDocument> documents = extractAll(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path file : old.filter(p -> p.getFileName().toString().matches("(xep-\\d{4}|rfc\\d+|index)\\.json")).toList()) {
                Files.delete(file);
            }
        }
        List<String> index = new ArrayList<>();
        int examples = 0;
        for (SpecDocument document : documents) {
            SpecCorpus.JSON.writeValue(out.resolve(document.fileName()).toFile(), document);
            index.add(document.fileName());
            examples += document.examples().size();
        }
        SpecCorpus.JSON.writeValue(out.resolve("index.json").toFile(), index);
        System.out.printf("wrote %d examples from %d documents to %s%n", examples, documents.size(), out);
    }

    /** Every document with at least one example: the RFCs first, then the XEPs by number. */
    public static List<SpecDocument> extractAll(Path specs) throws IOException, XMLStreamException {
        List<SpecDocument> documents = new ArrayList<>();
        for (String rfc : RFCS) {
            documents.add(RfcExtractor.extract(specs.resolve("rfcs").resolve(rfc)));
        }
        List<Path> xeps;
        try (Stream<Path> files = Files.list(specs.resolve("xeps"))) {
            xeps = files.filter(p -> p.getFileName().toString().matches("xep-\\d{4}\\.xml")).sorted().toList();
        }
        for (Path xep : xeps) {
            SpecDocument document = XepExtractor.extract(xep);
            if (!document.examples().isEmpty()) {
                documents.add(document);
            }
        }
        return documents;
    }
}
