package labkit.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import labkit.engine.grade.GradeRequest;
import labkit.engine.grade.Grader;
import labkit.engine.report.ConsoleReport;
import labkit.engine.report.GithubActions;
import labkit.engine.report.GradeReport;
import labkit.engine.report.ReportWriter;
import labkit.engine.text.Messages;

/** One grading run as every entry point does it, from the request to the reports. */
public final class GradeRun {

    private GradeRun() {}

    /**
     * Grades, showing a line as each lab starts and ends; writes the report files to {@code out}
     * ({@code out/rerun} for a partial run); prints the console report; and, under GitHub Actions,
     * the annotations, the job summary and the step output.
     */
    public static GradeReport run(GradeRequest request, Path out, PrintStream console, Map<String, String> env) {
        GradeReport report = Grader.grade(request, new ConsoleProgress(console, request.label()));
        ReportWriter.write(report, ReportWriter.folderFor(report, out));
        console.println();
        console.print(ConsoleReport.of(report));
        if (GithubActions.active(env)) {
            GithubActions.publish(report, env, console);
        }
        console.flush();
        return report;
    }

    /**
     * The run's seed: {@code text} when given, else a fresh random one.
     *
     * @throws IllegalArgumentException with a message for the user when {@code text} is not a whole number
     */
    public static long seed(String text) {
        if (text == null || text.isBlank()) {
            return Math.abs(new SecureRandom().nextInt());
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.format("cli.bad-seed", text));
        }
    }

    /** The comma-separated items of {@code text} (lab ids, check ids), in order; empty for none. */
    public static Set<String> list(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@code a,b} back from {@link #list}, or {@code null} for none: the form {@link GradeRequest#check()} takes. */
    public static String joined(Set<String> items) {
        return items.isEmpty() ? null : String.join(",", items);
    }
}
