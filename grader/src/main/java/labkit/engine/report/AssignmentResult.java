package labkit.engine.report;

import java.util.List;

/**
 * One lab's grade, as in {@code grade.json}.
 *
 * @param status {@code graded}, {@code missing} or {@code compile_error}
 * @param message the compiler's output when {@code compile_error}, else a note or {@code null}
 */
public record AssignmentResult(String id, String status, double score, double maxScore, String message,
        List<CheckResult> checks) {

    /** Whether the lab's checks ran: not {@code missing} nor {@code compile_error}. */
    public boolean graded() {
        return "graded".equals(status);
    }

    /** How many of its checks passed. */
    public long passedCount() {
        return checks.stream().filter(CheckResult::passed).count();
    }

    /** The check with {@code id}, which must exist. */
    public CheckResult check(String checkId) {
        return checks.stream().filter(c -> c.id().equals(checkId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + checkId + " in " + id));
    }
}
