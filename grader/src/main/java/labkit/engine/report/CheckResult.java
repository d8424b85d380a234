package labkit.engine.report;

/**
 * One check's verdict, as in {@code grade.json}.
 *
 * @param status {@code passed}, {@code failed}, {@code timed_out} or {@code error}
 * @param seed the run's seed when the check made random choices, else {@code null}
 */
public record CheckResult(String id, String category, String status, double points, double maxPoints,
        String message, Long seed, long durationMs, String description) {

    public boolean passed() {
        return "passed".equals(status);
    }
}
