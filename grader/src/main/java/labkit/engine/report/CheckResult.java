package labkit.engine.report;

/**
 * One check's verdict, as in {@code grade.json}.
 *
 * @param status {@code passed}, {@code failed}, {@code timed_out} or {@code error}
 * @param seed the run's seed when the check made random choices, else {@code null}
 * @param visibility {@code visible}, {@code after_due_date} or {@code hidden} (the check's declaration)
 * @param location the line of the student's code the verdict points at, or {@code null}
 */
public record CheckResult(String id, String category, String status, double points, double maxPoints,
        String message, Long seed, long durationMs, String description, String visibility, SourceLocation location) {

    /** A visible verdict that points at no line. */
    public CheckResult(String id, String category, String status, double points, double maxPoints,
            String message, Long seed, long durationMs, String description) {
        this(id, category, status, points, maxPoints, message, seed, durationMs, description, "visible", null);
    }

    public boolean passed() {
        return "passed".equals(status);
    }

    /** The lab's id: the check id's first part. */
    public String lab() {
        return id.substring(0, id.indexOf('.'));
    }

    /** This verdict with its visibility and source line. */
    public CheckResult with(String visibility, SourceLocation location) {
        return new CheckResult(id, category, status, points, maxPoints, message, seed, durationMs, description,
                visibility, location);
    }
}
