package labkit.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labkit.engine.text.Messages;

/**
 * {@code results.json} in Gradescope's autograder format: the overall output holds each lab's own
 * message (a compiler error, a missing class), each check is a test with a number
 * ({@code lab.check}, in report order), the lab and category as tags, and the check's visibility.
 */
final class GradescopeResults {

    private GradescopeResults() {}

    static Map<String, Object> of(GradeReport report) {
        List<Map<String, Object>> tests = new ArrayList<>();
        List<AssignmentResult> labs = report.assignments();
        for (int l = 0; l < labs.size(); l++) {
            List<CheckResult> checks = labs.get(l).checks();
            for (int c = 0; c < checks.size(); c++) {
                tests.add(test(checks.get(c), (l + 1) + "." + (c + 1)));
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", report.score());
        results.put("execution_time", Math.max(1, Math.round(report.durationMs() / 1000.0)));
        results.put("output", output(report));
        results.put("output_format", "text");
        results.put("test_output_format", "text");
        // What the grading run printed holds nothing the tests do not, and may hold the student's own output.
        results.put("stdout_visibility", "hidden");
        results.put("tests", tests);
        return results;
    }

    private static Map<String, Object> test(CheckResult c, String number) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", c.id());
        test.put("number", number);
        test.put("score", c.points());
        test.put("max_score", c.maxPoints());
        test.put("status", c.passed() ? "passed" : "failed");
        test.put("output", ReportText.clean(c.passed() ? c.description() : c.message()));
        test.put("tags", List.of(c.lab(), c.category()));
        test.put("visibility", c.visibility());
        return test;
    }

    private static String output(GradeReport report) {
        StringBuilder out = new StringBuilder(Messages.format("report.md.intro", ReportText.clean(report.submission()),
                Long.toString(report.seed())));
        for (AssignmentResult a : report.assignments()) {
            if (a.message() != null) {
                out.append("\n\n").append(Messages.format("report.gradescope.lab-message", a.id(), a.status()))
                        .append('\n').append(ReportText.clean(a.message()));
            }
        }
        return out.toString();
    }
}
