package labkit.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classroom result (version 1) that GitHub Classroom's grading reporter reads from a step
 * output {@code result} (base64) and that is also {@code classroom.json}: an overall status, the
 * maximum, and per check its name, status ({@code pass}, {@code fail}, {@code error}), points,
 * message and, where a line of the student's code is known, {@code filename} and {@code line_no}
 * ({@code 0} when not, which the reporter reads as "no line").
 */
final class ClassroomResult {

    static final int VERSION = 1;

    private ClassroomResult() {}

    static Map<String, Object> of(GradeReport report) {
        List<Map<String, Object>> tests = new ArrayList<>();
        report.assignments().forEach(a -> a.checks().forEach(c -> tests.add(test(c))));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("version", VERSION);
        result.put("status", status(report));
        result.put("max_score", report.maxScore());
        result.put("tests", tests);
        return result;
    }

    private static Map<String, Object> test(CheckResult c) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", c.id());
        test.put("status", status(c));
        test.put("score", c.points());
        test.put("max_score", c.maxPoints());
        test.put("message", c.passed() ? null : ReportText.clean(c.message()));
        test.put("filename", c.location() == null ? null : c.location().file());
        test.put("line_no", c.location() == null ? 0 : c.location().line());
        test.put("duration", c.durationMs());
        return test;
    }

    private static String status(CheckResult c) {
        return switch (c.status()) {
            case "passed" -> "pass";
            case "error" -> "error";
            default -> "fail";
        };
    }

    /** {@code fail} when a check failed or timed out, else {@code error} when one erred, else {@code pass}. */
    private static String status(GradeReport report) {
        List<String> statuses = report.assignments().stream().flatMap(a -> a.checks().stream())
                .map(ClassroomResult::status).toList();
        return statuses.contains("fail") ? "fail" : statuses.contains("error") ? "error" : "pass";
    }
}
