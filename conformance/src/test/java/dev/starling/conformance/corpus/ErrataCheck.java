package dev.starling.conformance.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Audits documents straight from the source tree, without a build: for whoever edits the errata.
 * Arguments: the {@code spec-examples} folder, then document file names ({@code xep-0043.json}).
 */
public final class ErrataCheck {

    private ErrataCheck() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path dir = Path.of(args[0]);
        int failing = 0;
        for (int i = 1; i < args.length; i++) {
            SpecDocument document = json.readValue(dir.resolve(args[i]).toFile(), SpecDocument.class);
            Map<Integer, Erratum> errata = new HashMap<>();
            Path errataFile = dir.resolve("errata").resolve(args[i]);
            if (Files.exists(errataFile)) {
                for (Erratum e : json.readValue(errataFile.toFile(), Erratum[].class)) {
                    errata.put(e.example(), e);
                }
            }
            ExampleAudit.Result result = ExampleAudit.audit(document, errata);
            System.out.println(document.spec() + ": " + (result.failures().isEmpty() ? "OK" : result.failures().size() + " problem(s)"));
            result.failures().forEach(f -> System.out.println("  " + f));
            failing += result.failures().isEmpty() ? 0 : 1;
        }
        System.exit(failing == 0 ? 0 : 1);
    }
}
