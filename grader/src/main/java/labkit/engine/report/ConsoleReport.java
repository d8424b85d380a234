package labkit.engine.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import labkit.engine.text.Messages;

/**
 * What a grading run prints when it is done, for a student reading it once: one line per lab (a
 * missing or uncompiled lab is that one line and its reason), a row per check that did not pass,
 * the total, then each failure once, headed by its check id. The student's text is indented
 * behind {@link #QUOTE}, so none of it starts a line of the log.
 */
public final class ConsoleReport {

    /** What every line of a message starts with. */
    static final String QUOTE = "  > ";

    private ConsoleReport() {}

    public static String of(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(Messages.format("report.console.header", ReportText.clean(report.submission()).replace('\n', ' '),
                Long.toString(report.seed()))).append('\n');
        for (AssignmentResult a : report.assignments()) {
            out.append(labLine(report, a));
            if (a.graded()) {
                a.checks().stream().filter(c -> !c.passed()).forEach(c -> out.append(String.format(Locale.ROOT,
                        "  %-9s %-46s %5s / %s%n", Formats.mark(c), c.id(), Formats.points(c.points()),
                        Formats.points(c.maxPoints()))));
            }
        }
        out.append(totalLine(report));
        List<CheckResult> failed = failures(report);
        for (AssignmentResult a : report.assignments()) {
            if (!a.graded() && a.message() != null) {
                out.append('\n').append(Messages.format("report.console.lab-not-graded", a.id(), a.status())).append('\n')
                        .append(ReportText.indented(a.message(), QUOTE));
            }
        }
        for (CheckResult c : failed) {
            out.append('\n').append(Messages.format("report.console.failure", Formats.mark(c), c.id(),
                    Formats.points(c.points()), Formats.points(c.maxPoints()))).append('\n');
            out.append(ReportText.indented(c.message() == null ? c.status() : c.message(), QUOTE));
        }
        return out.toString();
    }

    private static String labLine(GradeReport report, AssignmentResult a) {
        String points = report.partial()
                ? Formats.rerunCount(a.checks().size())
                : Formats.points(a.score()) + " / " + Formats.points(a.maxScore());
        String detail;
        if (a.graded()) {
            detail = Messages.format("report.console.passed", a.passedCount(), a.checks().size());
        } else {
            detail = Messages.format("report.console.see-below");
        }
        return String.format(Locale.ROOT, "%-10s %-14s %-16s %s%n", a.id(), a.status(), points, detail);
    }

    private static String totalLine(GradeReport report) {
        if (report.partial()) {
            return Formats.rerunTotal(report) + "\n";
        }
        return String.format(Locale.ROOT, "%-25s %s / %s%n", Messages.format("report.total"),
                Formats.points(report.score()), Formats.points(report.maxScore()));
    }

    /** The checks that did not pass in labs that were graded (a missing lab's checks are its one line). */
    static List<CheckResult> failures(GradeReport report) {
        return report.assignments().stream().filter(AssignmentResult::graded).flatMap(a -> a.checks().stream())
                .filter(c -> !c.passed()).collect(Collectors.toList());
    }
}
