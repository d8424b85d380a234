package labkit.engine.report;

import java.util.Locale;
import labkit.engine.text.Messages;

/** How points and verdicts are written in every report and on the console. */
public final class Formats {

    private Formats() {}

    /** {@code FAILED}, {@code TIMED OUT}, ... */
    static String mark(CheckResult c) {
        return c.status().toUpperCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code 2 checks rerun}: what a partial run shows instead of a lab's points. */
    static String rerunCount(int checks) {
        return checks == 1 ? Messages.format("report.rerun.count.one") : Messages.format("report.rerun.count", checks);
    }

    /** {@code 2 checks rerun: 1 passed}: what a partial run shows instead of the total. */
    static String rerunTotal(GradeReport report) {
        long passed = report.assignments().stream().mapToLong(AssignmentResult::passedCount).sum();
        return Messages.format("report.rerun.total", rerunCount(report.checkCount()), passed);
    }

    /** {@code 2}, {@code 2.5}, {@code 1.25}. */
    public static String points(double p) {
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.2f", p).replaceAll("0$", "");
    }
}
