package labkit.engine.grade;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import labkit.engine.sandbox.SandboxMode;

/**
 * What to grade and how.
 *
 * @param submission the submission folder
 * @param label how the submission is named in the report and in rerun commands
 * @param assignments the lab ids to grade; empty for all
 * @param check a single full check id to run, or {@code null} for all
 * @param seed the run's seed
 * @param workDir where compiled classes and the forked JVMs' files go
 * @param rerunCommand the command a rerun hint starts with, e.g. {@code mvn test -Dsubmission=DIR}
 * @param childJvmArgs extra options for the forked JVMs (the kit's coverage agent)
 * @param staticScan whether the bytecode scan refuses code before it runs; off only by an
 *        instructor's {@code -Dgrader.staticScan=off}, to test the other layers on their own
 * @param sandbox how the forked JVMs use the OS sandbox ({@code -Dgrader.sandbox})
 */
public record GradeRequest(Path submission, String label, Set<String> assignments, String check, long seed,
        Path workDir, String rerunCommand, List<String> childJvmArgs, boolean staticScan, SandboxMode sandbox) {

    /** The property that turns the static scan off for a run: {@code -Dgrader.staticScan=off}. */
    public static final String STATIC_SCAN_PROPERTY = "grader.staticScan";

    /** A request whose containment comes from the grading process's system properties (never from the submission). */
    public GradeRequest(Path submission, String label, Set<String> assignments, String check, long seed,
            Path workDir, String rerunCommand, List<String> childJvmArgs) {
        this(submission, label, assignments, check, seed, workDir, rerunCommand, childJvmArgs,
                !"off".equalsIgnoreCase(System.getProperty(STATIC_SCAN_PROPERTY, "on").trim()), SandboxMode.fromSystemProperties());
    }

    /** This request with the given containment (the kit's own tests of each layer alone). */
    public GradeRequest withContainment(boolean staticScan, SandboxMode sandbox) {
        return new GradeRequest(submission, label, assignments, check, seed, workDir, rerunCommand, childJvmArgs, staticScan, sandbox);
    }

    boolean wants(LabDefinition lab) {
        if (check != null && !check.startsWith(lab.id() + ".")) {
            return false;
        }
        return assignments.isEmpty() || assignments.contains(lab.id());
    }

    boolean wants(CheckDefinition check) {
        return this.check == null || this.check.equals(check.id());
    }
}
