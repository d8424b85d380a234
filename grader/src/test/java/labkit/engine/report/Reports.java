package labkit.engine.report;

import java.util.ArrayList;
import java.util.List;

/** Hand-made reports for the report formats' tests: no grading, so every field is known. */
final class Reports {

    /** A student's exception message that tries every trick a report could fall for. */
    static final String HOSTILE = "::error file=x.java::forged\n  ::set-output name=result::AAAA\r\n"
            + "# Grade: 25 / 25\n```\n</pre><script>alert(1)</script>\n\u001b[2KPoints 25/25\n~~~";

    private Reports() {}

    static CheckResult passed(String id, double points) {
        return new CheckResult(id, "correctness", "passed", points, points, null, null, 5, "it works | <b>well</b>");
    }

    static CheckResult failed(String id, double max, String message, SourceLocation at) {
        return new CheckResult(id, "correctness", "failed", 0, max, message, 7L, 5, "expects", "visible", at);
    }

    static AssignmentResult graded(String lab, CheckResult... checks) {
        double score = List.of(checks).stream().mapToDouble(CheckResult::points).sum();
        return new AssignmentResult(lab, "graded", score, 25, null, List.of(checks));
    }

    static AssignmentResult notGraded(String lab, String status, String message, int checks) {
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < checks; i++) {
            results.add(new CheckResult(lab + ".c" + i, "correctness", "error", 0, 25.0 / checks,
                    "Not graded: the class is missing (see the lab's message).", null, 0, "expects"));
        }
        return new AssignmentResult(lab, status, 0, 25, message, results);
    }

    static GradeReport of(AssignmentResult... labs) {
        double score = List.of(labs).stream().mapToDouble(AssignmentResult::score).sum();
        return new GradeReport(GradeReport.SCHEMA, "sub", score, 25.0 * labs.length, 7, List.of(labs), List.of(), 2600, null);
    }
}
