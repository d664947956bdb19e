package dev.starling.conformance.corpus;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed corpus is what {@link SpecCorpusTool} extracts from the specs. Runs only where
 * the specs are checked out beside the repository ({@code ../shared/specs}); tests never need
 * them otherwise.
 */
class CorpusIsCurrentTest {

    @Test
    void committedCorpusMatchesTheSpecs() throws Exception {
        Path specs = Path.of("..", "..", "shared", "specs").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(specs.resolve("xeps")),
                "the specs are not beside the repository at " + specs + "; skipping the corpus freshness check");
        List<SpecDocument> extracted = SpecCorpusTool.extractAll(specs);
        assertThat(extracted.stream().map(SpecDocument::fileName).toList()).isEqualTo(SpecCorpus.index());
        for (SpecDocument document : extracted) {
            assertThat(document).as(document.spec() + " (rerun SpecCorpusTool)").isEqualTo(SpecCorpus.read(document.fileName()));
        }
    }
}
