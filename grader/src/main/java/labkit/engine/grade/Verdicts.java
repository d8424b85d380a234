package labkit.engine.grade;

import java.util.Map;
import labkit.engine.report.CheckResult;
import labkit.engine.text.Messages;

/** Turns what a forked JVM reported, or failed to report, into a check's result. */
final class Verdicts {

    private Verdicts() {}

    static CheckResult zero(CheckDefinition check, String status, String message) {
        return new CheckResult(check.id(), check.category().jsonName(), status, 0.0, check.points(), message, null, 0,
                check.description());
    }

    /** The verdict the child's extension wrote for {@code check}. */
    static CheckResult fromEvent(CheckDefinition check, Map<String, Object> event, GradeRequest request) {
        String status = (String) event.get("status");
        boolean passed = "passed".equals(status);
        boolean seeded = Boolean.TRUE.equals(event.get("seeded"));
        long duration = ((Number) event.getOrDefault("duration_ms", 0)).longValue();
        String message = null;
        if (!passed) {
            StringBuilder text = new StringBuilder(String.valueOf(event.get("message")));
            Object details = event.get("details");
            if (details != null && !details.toString().isBlank()) {
                text.append("\n\n").append(details);
            }
            text.append("\n\n").append(rerun(check, request));
            message = text.toString();
        }
        // A failure may name a category of its own (a scenario that hung is a deadlock); else the check's.
        Object category = passed ? null : event.get("category");
        return new CheckResult(check.id(), category instanceof String named ? named : check.category().jsonName(), status,
                passed ? check.points() : 0.0, check.points(), message, seeded ? request.seed() : null, duration,
                check.description());
    }

    /** The verdict for a check during which the forked JVM died or was killed ({@code budgetSeconds}: the lab's budget). */
    static CheckResult crashed(CheckDefinition check, ChildRun.Outcome outcome, GradeRequest request, int budgetSeconds) {
        String status;
        String message;
        String stderr = outcome.stderrTail();
        if (ChildRun.KILLED_BUDGET.equals(outcome.killedBecause())) {
            status = "timed_out";
            message = Messages.format("engine.check.budget-spent", budgetSeconds);
        } else if (ChildRun.KILLED_OUTPUT.equals(outcome.killedBecause())) {
            status = "error";
            message = Messages.format("engine.check.output-flood", ChildRun.OUTPUT_KILL_BYTES / (1024 * 1024));
        } else if (outcome.killedBecause() != null) {
            status = "timed_out";
            message = Messages.format("engine.check.jvm-stuck", check.timeoutSeconds() + ChildRun.CHECK_GRACE_SECONDS);
        } else if (stderr.contains("OutOfMemoryError") || stderr.contains("Terminating due to java.lang.OutOfMemoryError")) {
            status = "error";
            message = Messages.format("engine.check.out-of-memory", ChildRun.HEAP.substring("-Xmx".length()));
        } else {
            status = "error";
            message = Messages.format("engine.check.jvm-exited", outcome.exitCode());
        }
        return zero(check, status, message + "\n\n" + rerun(check, request));
    }

    static String rerun(CheckDefinition check, GradeRequest request) {
        return request.rerunHint(check.id());
    }
}
