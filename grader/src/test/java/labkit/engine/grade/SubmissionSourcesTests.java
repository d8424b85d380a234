package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.GradeReport;
import labkit.engine.text.Messages;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    @DisplayName("a 3 GiB (sparse) source ends with a verdict for its lab, unread, and the other labs are still graded")
    void hugeSourceIsRefusedUnread(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("huge-source");
        Path pool = KitGrading.reference().resolve("src/main/java/lab/pool/SemaphorePool.java");
        Files.copy(pool, parentsOf(dir.resolve("lab/pool/SemaphorePool.java")));
        try (RandomAccessFile huge = new RandomAccessFile(parentsOf(dir.resolve("lab/counter/LockCounter.java")).toFile(), "rw")) {
            huge.setLength(3L << 30);
        }
        Path work = KitGrading.root().resolve("grader/target/kit-work/huge-source-" + System.nanoTime());
        GradeRequest request = new GradeRequest(dir, "huge-source", Set.of("counter", "pool"), null, 7, work, "mvn test", List.of());

        GradeReport report = Grader.grade(request);

        AssignmentResult counter = report.assignment("counter");
        String why = Messages.format("engine.lab.source-too-large", "lab/counter/LockCounter.java", 3L << 20, 256L);
        assertThat(counter.score()).isZero();
        assertThat(counter.message()).isEqualTo(why);
        assertThat(counter.checks()).allSatisfy(c -> assertThat(c.message()).isEqualTo(why));
        assertThat(report.assignment("pool").status()).isEqualTo("graded");
        assertThat(report.assignment("pool").score()).isEqualTo(report.assignment("pool").maxScore());
    }

    @Test
    @DisplayName("more source files than a lab could need are refused before any is read")
    void tooManySourcesAreRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("many-sources");
        Files.copy(REFERENCE_COUNTER, parentsOf(dir.resolve("lab/counter/LockCounter.java")));
        for (int i = 0; i < SubmissionFolder.MAX_SOURCES; i++) {
            Files.writeString(dir.resolve("lab/counter/Helper" + i + ".java"), "package lab.counter; class Helper" + i + " {}");
        }

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.score()).isZero();
        assertThat(result.message()).isEqualTo(Messages.format("engine.lab.too-many-sources", SubmissionFolder.MAX_SOURCES + 1,
                SubmissionFolder.MAX_SOURCES));
    }

    @Test
    @DisplayName("only regular .java files are read: a named pipe that would block any reader is left alone")
    void onlyJavaFilesAreRead(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("pipes");
        Files.copy(REFERENCE_COUNTER, parentsOf(dir.resolve("lab/counter/LockCounter.java")));
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", dir.resolve("lab/counter/Pipe.java").toString(),
                dir.resolve("lab/counter/notes.txt").toString()).start().waitFor() == 0, "mkfifo is available");

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.status()).isEqualTo("graded");
        assertThat(result.check("probe.get").status()).isEqualTo("passed");
    }

    @Test
    @DisplayName("a file name with a newline and a right-to-left override is shown escaped in the lab's message")
    void fileNamesAreEscaped(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("odd-names");
        Files.copy(REFERENCE_COUNTER, parentsOf(dir.resolve("lab/counter/LockCounter.java")));
        Files.writeString(dir.resolve("lab/counter/Fake\n# Points 25\u202e.java"), "package lab.counter; class Helper {");

        AssignmentResult result = EngineTests.gradeWithProbe(dir, 7);

        assertThat(result.status()).isEqualTo("compile_error");
        assertThat(result.message()).startsWith("lab/counter/Fake\\u000a# Points 25\\u202e.java:1: error:").doesNotContain("\u202e");
        assertThat(result.message().lines()).noneMatch(line -> line.startsWith("# Points"));
    }

    /** {@code file}, once the folders it goes in exist. */
    private static Path parentsOf(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }
}
