package labkit.engine.report;

import java.util.List;

/** The whole grade of one submission: the content of {@code grade.json} (schema 1). */
public record GradeReport(int schema, String submission, double score, double maxScore, long seed,
        List<AssignmentResult> assignments) {

    public static final int SCHEMA = 1;

    /** The lab with {@code id}, which must have been graded. */
    public AssignmentResult assignment(String id) {
        return assignments.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no assignment " + id));
    }

    /** Whether any check of any lab did not pass. */
    public boolean anyFailed() {
        return assignments.stream().flatMap(a -> a.checks().stream()).anyMatch(c -> !c.passed());
    }
}
