package labkit.engine.grade;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.engine.report.SourceLocation;

/**
 * Adds to a lab's verdicts what the report needs beyond the verdict: each check's visibility and
 * the student's line it points at; and puts them in the order of the lab's handout.
 */
final class CheckDetails {

    private CheckDetails() {}

    static AssignmentResult attach(LabDefinition lab, GradeRequest request, AssignmentResult result) {
        String prefix = sourcePrefix(request);
        List<String> handout = HandoutOrder.of(lab.id());
        List<CheckResult> checks = result.checks().stream()
                .sorted(Comparator.comparingInt(c -> handout.contains(c.id()) ? handout.indexOf(c.id()) : handout.size()))
                .map(c -> c.with(lab.check(c.id()).visibility().jsonName(),
                        c.passed() ? null : SourceLocation.find(c.message(), lab.packageName(), prefix)))
                .collect(Collectors.toList());
        return new AssignmentResult(result.id(), result.status(), result.score(), result.maxScore(), result.message(), checks);
    }

    /** The source root's path from the submission's root, {@code src/main/java/} or empty. */
    private static String sourcePrefix(GradeRequest request) {
        String relative = request.submission().relativize(new SubmissionFolder(request.submission()).sourceRoot())
                .toString().replace('\\', '/');
        return relative.isEmpty() ? "" : relative + "/";
    }
}
