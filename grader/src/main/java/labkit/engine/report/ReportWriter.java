package labkit.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a {@link GradeReport} as {@code grade.json} (the contract), {@code grade.md} (for people
 * and GitHub job summaries), {@code results.json} (Gradescope) and {@code classroom.json} (GitHub
 * Classroom's reporters). Files are written to a temporary name and moved into place, so a reader
 * never sees half a report.
 */
public final class ReportWriter {

    /** Where a partial run's report goes, inside the full report's folder: a rerun never replaces the full report. */
    public static final String RERUN_FOLDER = "rerun";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The files {@link #write} writes, in that order. */
    public static final List<String> FILES = List.of("grade.json", "grade.md", "results.json", "classroom.json");

    private ReportWriter() {}

    /** The folder a report goes to under {@code out}: {@code out} itself, or {@code out/rerun} for a partial run. */
    public static Path folderFor(GradeReport report, Path out) {
        return report.partial() ? out.resolve(RERUN_FOLDER) : out;
    }

    /** Writes all the files into {@code dir}. */
    public static void write(GradeReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            replace(dir.resolve("grade.json"), JSON.writeValueAsString(report));
            replace(dir.resolve("grade.md"), MarkdownReport.of(report));
            replace(dir.resolve("results.json"), JSON.writeValueAsString(GradescopeResults.of(report)));
            replace(dir.resolve("classroom.json"), JSON.writeValueAsString(ClassroomResult.of(report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a {@code grade.json} back. */
    public static GradeReport read(Path file) {
        try {
            return JSON.readValue(file.toFile(), GradeReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
