package labkit.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import labkit.engine.text.Messages;

/**
 * What a grading run gives GitHub Actions ({@code GITHUB_ACTIONS=true}): error annotations on the
 * student's source, a notice with the points, {@code grade.md} in the job summary, and the
 * classroom result as the step output {@code result}.
 *
 * <p>GitHub shows ten annotations per step, so at most {@link #MAX_ERRORS} are printed, the lab
 * the student is working on first: a lab that does not compile (one annotation, on the compiler's
 * line), then graded labs with failures, the one with the most passed checks first (the lab
 * nearest to done), each lab's failures in report order. A missing lab gets none: its line in
 * the report says where the file belongs.
 */
public final class GithubActions {

    static final int MAX_ERRORS = 10;

    private GithubActions() {}

    /** Whether the environment is a GitHub Actions job. */
    public static boolean active(Map<String, String> env) {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }

    /** Prints the annotations to {@code out}, and appends to the job summary and the step outputs the environment names. */
    public static void publish(GradeReport report, Map<String, String> env, Appendable out) {
        try {
            out.append(annotations(report));
            String summary = env.get("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank()) {
                append(Path.of(summary), MarkdownReport.of(report));
            }
            String output = env.get("GITHUB_OUTPUT");
            if (output != null && !output.isBlank()) {
                append(Path.of(output), "result=" + resultOutput(report) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The step output {@code result}: base64 of the classroom result JSON, on one line. */
    static String resultOutput(GradeReport report) throws IOException {
        byte[] json = ReportWriter.JSON.writeValueAsBytes(ClassroomResult.of(report));
        return Base64.getEncoder().encodeToString(json);
    }

    /** The workflow commands: at most ten {@code ::error} lines, the most useful first, then one {@code ::notice} with the points. */
    static String annotations(GradeReport report) {
        StringBuilder out = new StringBuilder();
        errors(report).stream().limit(MAX_ERRORS).forEach(out::append);
        String points = report.partial()
                ? Formats.rerunTotal(report)
                : Messages.format("report.github.points", Formats.points(report.score()), Formats.points(report.maxScore()));
        out.append("::notice title=").append(property(Messages.format("report.github.notice-title"))).append("::")
                .append(data(points)).append('\n');
        return out.toString();
    }

    private static List<String> errors(GradeReport report) {
        List<String> lines = new ArrayList<>();
        for (AssignmentResult a : report.assignments()) {
            if ("compile_error".equals(a.status())) {
                lines.add(error(SourceLocation.find(a.message(), "lab." + a.id(), sourcePrefix(a)),
                        Messages.format("report.github.compile-title", a.id()), a.message()));
            }
        }
        report.assignments().stream().filter(AssignmentResult::graded).filter(a -> a.passedCount() < a.checks().size())
                .sorted(Comparator.comparingLong(AssignmentResult::passedCount).reversed())
                .forEach(a -> a.checks().stream().filter(c -> !c.passed()).forEach(c -> lines.add(error(c.location(),
                        Messages.format("report.github.check-title", c.id(), c.status(), Formats.points(c.maxPoints())),
                        headline(c)))));
        return lines;
    }

    /** Where the student's sources sit, from any located check of the lab; compile errors name paths below it. */
    private static String sourcePrefix(AssignmentResult a) {
        return a.checks().stream().map(CheckResult::location).filter(l -> l != null).findFirst()
                .map(l -> l.file().substring(0, l.file().indexOf("lab/"))).orElse("src/main/java/");
    }

    private static String headline(CheckResult c) {
        if (c.message() == null) {
            return c.status();
        }
        return c.message().split("\n\n", 2)[0];
    }

    private static String error(SourceLocation at, String title, String message) {
        StringBuilder line = new StringBuilder("::error ");
        if (at != null) {
            line.append("file=").append(property(at.file())).append(",line=").append(at.line()).append(',');
        }
        line.append("title=").append(property(title)).append("::").append(data(ReportText.clean(message))).append('\n');
        return line.toString();
    }

    /** A command's message, as the runner decodes it: {@code %}, CR and LF are escaped, nothing else. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: also {@code :} and {@code ,}, which would end it. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
