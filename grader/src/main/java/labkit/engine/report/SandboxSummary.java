package labkit.engine.report;

/**
 * What contained the student's code in a run, as {@code grade.json} and {@code grade.md} state it.
 *
 * @param os {@code bubblewrap} or {@code none}
 * @param mode the mode asked for: {@code auto}, {@code required} or {@code off}
 * @param staticScan whether the bytecode scan ran (off only in an instructor's test of the other layers)
 * @param note one line for people: the limits in force, or why there is no sandbox
 */
public record SandboxSummary(String os, String mode, boolean staticScan, String note) {}
