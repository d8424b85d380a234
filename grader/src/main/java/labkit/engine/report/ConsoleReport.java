package labkit.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import labkit.engine.text.Messages;

/**
 * What a grading run prints when it is done, for a student reading it once: one line per lab (how
 * many checks passed, the points), the total, then each failure once, headed by its check id. A
 * lab that is missing or does not compile is its line and its reason. Checks of a lab that failed
 * with the same message (an unfinished skeleton throws the same exception everywhere) are one
 * block headed by all their ids. The student's text is quoted behind {@link #QUOTE}, so none of
 * it starts a line of the log. The full table is in {@code grade.md}.
 */
public final class ConsoleReport {

    /** What every line of a message starts with. */
    static final String QUOTE = "  > ";

    private ConsoleReport() {}

    public static String of(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(Messages.format("report.console.header", ReportText.clean(report.submission()).replace('\n', ' '),
                Long.toString(report.seed()))).append('\n');
        report.assignments().forEach(a -> out.append(labLine(report, a)));
        out.append(totalLine(report));
        for (AssignmentResult a : report.assignments()) {
            if (!a.graded() && a.message() != null) {
                out.append('\n').append(Messages.format("report.console.lab-not-graded", a.id(), a.status())).append('\n')
                        .append(ReportText.indented(a.message(), QUOTE));
            }
            for (List<CheckResult> same : sameMessage(a)) {
                out.append('\n').append(heading(same)).append('\n');
                CheckResult first = same.get(0);
                out.append(ReportText.indented(first.message() == null ? first.status() : first.message(), QUOTE));
            }
        }
        return out.toString();
    }

    private static String labLine(GradeReport report, AssignmentResult a) {
        String points = report.partial() ? Formats.rerunCount(a.checks().size())
                : Formats.points(a.score()) + " / " + Formats.points(a.maxScore());
        String detail = a.graded() ? Messages.format("report.console.passed", a.passedCount(), a.checks().size())
                : Messages.format("report.console.see-below");
        return String.format(Locale.ROOT, "%-10s %-14s %-16s %s%n", a.id(), a.status(), points, detail);
    }

    private static String totalLine(GradeReport report) {
        if (report.partial()) {
            return Formats.rerunTotal(report) + "\n";
        }
        return String.format(Locale.ROOT, "%-25s %s / %s%n", Messages.format("report.total"),
                Formats.points(report.score()), Formats.points(report.maxScore()));
    }

    private static String heading(List<CheckResult> same) {
        CheckResult first = same.get(0);
        double max = same.stream().mapToDouble(CheckResult::maxPoints).sum();
        if (same.size() == 1) {
            return Messages.format("report.console.failure", Formats.mark(first), first.id(), Formats.points(first.points()),
                    Formats.points(max));
        }
        return Messages.format("report.console.failures", Formats.mark(first),
                same.stream().map(CheckResult::id).collect(Collectors.joining(", ")), same.size(), Formats.points(max));
    }

    /**
     * The checks of a graded lab that did not pass, in report order, those whose messages differ
     * only in their rerun line put together.
     */
    static List<List<CheckResult>> sameMessage(AssignmentResult a) {
        if (!a.graded()) {
            return List.of();
        }
        Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
        for (CheckResult c : a.checks()) {
            if (!c.passed()) {
                groups.computeIfAbsent(c.status() + "\n" + withoutRerun(c.message()), k -> new ArrayList<>()).add(c);
            }
        }
        return new ArrayList<>(groups.values());
    }

    /** The message without its last paragraph when that is the rerun hint, which names the check. */
    private static String withoutRerun(String message) {
        if (message == null) {
            return "";
        }
        int last = message.lastIndexOf("\n\n");
        String rerun = Messages.format("engine.rerun", "", "", "");
        String hintStart = rerun.substring(0, rerun.indexOf(':') + 1);
        return last >= 0 && message.startsWith(hintStart, last + 2) ? message.substring(0, last) : message;
    }
}
