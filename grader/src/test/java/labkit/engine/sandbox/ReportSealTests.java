package labkit.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import labkit.engine.text.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportSealTests {

    @Test
    @DisplayName("a report file rewritten after the grader wrote it is named; untouched files pass")
    void namesTheFilesThatChanged() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "seal");
        Files.writeString(dir.resolve("grade.json"), "{\"score\": 3}");
        Files.writeString(dir.resolve("grade.md"), "# Grade: 3 / 25");
        ReportSeal seal = ReportSeal.of(dir, List.of("grade.json", "grade.md"));
        assertThat(seal.broken()).isEmpty();

        Files.writeString(dir.resolve("grade.json"), "{\"score\": 25}");

        assertThat(seal.broken()).contains(Messages.format("engine.report.changed", "grade.json"));
    }
}
