package labkit.engine.report;

import java.util.List;

/**
 * The whole grade of one submission: the content of {@code grade.json} (schema 1). {@code sandbox}
 * (added to schema 1, optional for readers) says what contained the student's code in this run.
 */
public record GradeReport(int schema, String submission, double score, double maxScore, long seed,
        List<AssignmentResult> assignments, SandboxSummary sandbox) {

    public static final int SCHEMA = 1;

    /** A report that does not say how the run was contained (built by hand, or read from an older file). */
    public GradeReport(int schema, String submission, double score, double maxScore, long seed, List<AssignmentResult> assignments) {
        this(schema, submission, score, maxScore, seed, assignments, null);
    }

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
