package labkit.engine.report;

import labkit.engine.text.Messages;

/**
 * {@code grade.md}: the report for people and for a GitHub job summary. A lab that is missing or
 * does not compile is its heading and its reason, not a row per check; a graded lab is a table,
 * then the feedback of each failed check. The student's text is only ever in a code block it
 * cannot close, or escaped on one line.
 */
final class MarkdownReport {

    private MarkdownReport() {}

    static String of(GradeReport report) {
        StringBuilder md = new StringBuilder();
        String title = report.partial()
                ? Formats.rerunTotal(report)
                : Messages.format("report.md.title", Formats.points(report.score()), Formats.points(report.maxScore()));
        md.append("# ").append(title).append("\n\n");
        md.append(Messages.format("report.md.intro", ReportText.inline(report.submission()),
                Long.toString(report.seed()))).append("\n\n");
        if (report.sandbox() != null) {
            md.append(Messages.format("report.md.sandbox", report.sandbox().os(), report.sandbox().note())).append("\n\n");
        }
        for (AssignmentResult a : report.assignments()) {
            lab(md, report, a);
        }
        return md.toString();
    }

    private static void lab(StringBuilder md, GradeReport report, AssignmentResult a) {
        String points = report.partial() ? Formats.rerunCount(a.checks().size())
                : Formats.points(a.score()) + " / " + Formats.points(a.maxScore());
        md.append("## ").append(a.id()).append(": ").append(points).append(" (").append(a.status()).append(")\n\n");
        if (a.message() != null) {
            md.append(ReportText.fenced(a.message())).append('\n');
        }
        if (!a.graded()) {
            return;
        }
        md.append("| | Check | Category | Points | What it expects |\n|---|---|---|---|---|\n");
        for (CheckResult c : a.checks()) {
            md.append("| ").append(c.passed() ? "✅" : "❌").append(" | `").append(c.id()).append("` | ").append(c.category())
                    .append(" | ").append(Formats.points(c.points())).append(" / ").append(Formats.points(c.maxPoints()))
                    .append(" | ").append(ReportText.inline(c.description())).append(" |\n");
        }
        md.append('\n');
        for (CheckResult c : a.checks()) {
            if (!c.passed() && c.message() != null) {
                md.append("### ").append(Formats.mark(c)).append(" `").append(c.id()).append("`\n\n")
                        .append(ReportText.fenced(c.message())).append('\n');
            }
        }
    }
}
