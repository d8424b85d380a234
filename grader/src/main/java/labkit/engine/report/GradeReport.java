package labkit.engine.report;

import java.util.List;

/**
 * The whole grade of one submission: the content of {@code grade.json} (schema 1).
 *
 * @param rerun the check ids of a partial run (a rerun of some checks), empty for a full run
 * @param durationMs how long grading took, compiling included
 * @param sandbox what contained the student's code in this run (added to schema 1, optional for
 *     readers); null in a report built by hand or read from an older file
 */
public record GradeReport(int schema, String submission, double score, double maxScore, long seed,
        List<AssignmentResult> assignments, List<String> rerun, long durationMs, SandboxSummary sandbox) {

    public static final int SCHEMA = 1;

    /** A full run's report whose duration and containment were not recorded. */
    public GradeReport(int schema, String submission, double score, double maxScore, long seed,
            List<AssignmentResult> assignments) {
        this(schema, submission, score, maxScore, seed, assignments, List.of(), 0, null);
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

    /** Whether only some checks ran: the lab totals are not the lab's grade. */
    public boolean partial() {
        return !rerun.isEmpty();
    }

    /** How many checks ran. */
    public int checkCount() {
        return assignments.stream().mapToInt(a -> a.checks().size()).sum();
    }
}
