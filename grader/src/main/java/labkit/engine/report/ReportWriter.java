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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import labkit.engine.text.Messages;

/**
 * Writes a {@link GradeReport} as {@code grade.json} (the contract), {@code grade.md} (for people
 * and GitHub job summaries), {@code results.json} (Gradescope) and a console table. Files are
 * written to a temporary name and moved into place, so a reader never sees half a report.
 */
public final class ReportWriter {

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** Writes all the files into {@code dir}. */
    public static void write(GradeReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            replace(dir.resolve("grade.json"), JSON.writeValueAsString(report));
            replace(dir.resolve("grade.md"), markdown(report));
            replace(dir.resolve("results.json"), JSON.writeValueAsString(gradescope(report)));
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

    /** The short table printed at the end of a grading run. */
    public static String console(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(Messages.format("report.console.header", report.submission(), Long.toString(report.seed()))).append('\n');
        for (AssignmentResult a : report.assignments()) {
            out.append(String.format(Locale.ROOT, "%-10s %-14s %6s / %-6s%n", a.id(), a.status(), points(a.score()), points(a.maxScore())));
            for (CheckResult c : a.checks()) {
                out.append(String.format(Locale.ROOT, "  %-9s %-44s %5s / %-5s%n", mark(c), c.id(), points(c.points()), points(c.maxPoints())));
            }
        }
        out.append(String.format(Locale.ROOT, "%-25s %6s / %-6s%n", Messages.format("report.total"), points(report.score()), points(report.maxScore())));
        return out.toString();
    }

    static String markdown(GradeReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Messages.format("report.md.title", points(report.score()), points(report.maxScore()))).append("\n\n");
        md.append(Messages.format("report.md.intro", report.submission(), Long.toString(report.seed()))).append("\n\n");
        md.append(report.sandbox() == null ? "" : Messages.format("report.md.sandbox", report.sandbox().os(), report.sandbox().note()) + "\n\n");
        for (AssignmentResult a : report.assignments()) {
            md.append("## ").append(a.id()).append(": ").append(points(a.score())).append(" / ").append(points(a.maxScore()))
                    .append(" (").append(a.status()).append(")\n\n");
            if (a.message() != null) {
                md.append("```\n").append(a.message()).append("\n```\n\n");
            }
            md.append("| | Check | Category | Points | What it expects |\n|---|---|---|---|---|\n");
            for (CheckResult c : a.checks()) {
                md.append("| ").append(c.passed() ? "✅" : "❌").append(" | `").append(c.id()).append("` | ").append(c.category())
                        .append(" | ").append(points(c.points())).append(" / ").append(points(c.maxPoints())).append(" | ")
                        .append(c.description().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
            for (CheckResult c : a.checks()) {
                if (!c.passed() && c.message() != null) {
                    md.append("### ").append(mark(c)).append(" `").append(c.id()).append("`\n\n```\n")
                            .append(c.message().replace("```", "'''")).append("\n```\n\n");
                }
            }
        }
        return md.toString();
    }

    static Map<String, Object> gradescope(GradeReport report) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (AssignmentResult a : report.assignments()) {
            for (CheckResult c : a.checks()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", c.id());
                test.put("score", c.points());
                test.put("max_score", c.maxPoints());
                test.put("status", c.passed() ? "passed" : "failed");
                test.put("output", c.passed() ? c.description() : c.message());
                test.put("visibility", "visible");
                tests.add(test);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", report.score());
        results.put("output", Messages.format("report.md.intro", report.submission(), Long.toString(report.seed())));
        results.put("tests", tests);
        return results;
    }

    /** GitHub Actions workflow commands: one error annotation per check that did not pass. */
    public static String githubAnnotations(GradeReport report) {
        StringBuilder out = new StringBuilder();
        for (AssignmentResult a : report.assignments()) {
            for (CheckResult c : a.checks()) {
                if (!c.passed()) {
                    String headline = c.message() == null ? c.status() : c.message().split("\n", 2)[0];
                    out.append("::error title=").append(escape(c.id() + " (" + c.status() + ")")).append("::")
                            .append(escape(headline)).append('\n');
                }
            }
        }
        out.append(String.format(Locale.ROOT, "Points %s/%s%n", points(report.score()), points(report.maxScore())));
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C");
    }

    static String mark(CheckResult c) {
        return c.status().toUpperCase(Locale.ROOT).replace('_', ' ');
    }

    static String points(double p) {
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.2f", p).replaceAll("0$", "");
    }
}
