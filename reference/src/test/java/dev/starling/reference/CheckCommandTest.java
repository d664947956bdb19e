package dev.starling.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code starling check} against the embedded reference server, as the README runs it: every
 * check passes and none is "not offered" (the embedded server offers every flow the check has).
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyCheckPassesAgainstTheEmbeddedServer() throws Exception {
        Path report = dir.resolve("check-report.json");
        int exit = new CommandLine(new CheckCommand()).execute("--report", report.toString());

        JsonNode checks = new ObjectMapper().readTree(report.toFile());
        List<String> notPassed = new ArrayList<>();
        checks.forEach(check -> {
            if (!check.get("outcome").asText().equals("PASS")) {
                notPassed.add(check.get("spec").asText() + " " + check.get("section").asText() + " " + check.get("title").asText()
                        + ": " + check.get("outcome").asText() + " (" + check.get("detail").asText() + ")");
            }
        });
        assertThat(notPassed).isEmpty();
        assertThat(exit).isZero();
        assertThat(checks.size()).isGreaterThanOrEqualTo(49);
    }
}
