package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import labkit.engine.report.AssignmentResult;
import labkit.engine.text.Messages;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a submission's files are read: the samples are made on the fly from the reference counter,
 * because what they test (the bytes of a file, a symbolic link) does not survive every checkout.
 */
@Timeout(300)
class SubmissionSourcesTests {

    private static final Path REFERENCE_COUNTER = KitGrading.reference().resolve("src/main/java/lab/counter/LockCounter.java");

    @Test
    @DisplayName("a source saved as windows-1252 (an umlaut in a comment) is still compiled, with a note to save UTF-8")
    void legacyEncodingIsReadWithANote(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("latin1-comment");
        String source = Files.readString(REFERENCE_COUNTER)
                .replaceFirst("package lab.counter;", "package lab.counter;\n\n// Z\u00e4hler f\u00fcr Lab 1 (gespeichert als windows-1252)");
        Path file = Files.write(parentsOf(dir.resolve("lab/counter/LockCounter.java")), source.getBytes(SourceFile.LEGACY));
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("\ufffd"); // really not UTF-8

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.status()).isEqualTo("graded");
        assertThat(result.check("probe.get").status()).isEqualTo("passed");
        assertThat(result.message()).isEqualTo(Messages.format("engine.lab.not-utf8", "lab/counter/LockCounter.java", "windows-1252"));
    }

    @Test
    @DisplayName("a UTF-8 source with an umlaut gets no note")
    void utf8NeedsNoNote(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("utf8-comment");
        Files.writeString(parentsOf(dir.resolve("lab/counter/LockCounter.java")),
                Files.readString(REFERENCE_COUNTER).replaceFirst("package lab.counter;", "package lab.counter;\n// Z\u00e4hler"));

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.status()).isEqualTo("graded");
        assertThat(result.message()).isNull();
    }

    @Test
    @DisplayName("a symbolic link to a file outside the submission (the hidden reference) is never read")
    void linkedFileIsLeftOut(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("links-to-reference");
        Files.createSymbolicLink(parentsOf(dir.resolve("lab/counter/LockCounter.java")), REFERENCE_COUNTER);

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.status()).isEqualTo("missing");
        assertThat(result.score()).isZero();
        assertThat(result.message()).startsWith(Messages.format("engine.lab.links-left-out", "lab/counter/LockCounter.java"));
    }

    @Test
    @DisplayName("a package folder that is a link out of the submission is never read")
    void linkedFolderIsLeftOut(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("links-package-to-reference");
        Files.createSymbolicLink(parentsOf(dir.resolve("lab")), KitGrading.reference().resolve("src/main/java/lab"));

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.status()).isEqualTo("missing");
        assertThat(result.message()).startsWith(Messages.format("engine.lab.links-left-out", "lab/counter"));
        Files.delete(dir.resolve("lab")); // the link itself, before JUnit cleans up and warns about it
    }

    @Test
    @DisplayName("a student class in an IDE's layout (src/lab/counter) is missing, and the message says where to move it")
    void misplacedClassIsPointedAt(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("ide-layout");
        Files.copy(REFERENCE_COUNTER, parentsOf(dir.resolve("src/lab/counter/LockCounter.java")));

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.status()).isEqualTo("missing");
        assertThat(result.message()).endsWith(Messages.format("engine.lab.misplaced", "src/lab/counter/LockCounter.java",
                "src/main/java/lab/counter/LockCounter.java"));
    }

    /** {@code file}, once the folders it goes in exist. */
    private static Path parentsOf(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }
}
