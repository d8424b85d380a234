package labkit.engine.grade;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import labkit.engine.text.Messages;
import labkit.engine.sandbox.SandboxMode;

/**
 * What to grade and how.
 *
 * @param submission the submission folder
 * @param label how the submission is named in the report and in rerun commands
 * @param assignments the lab ids to grade; empty for all
 * @param check the full check ids to run, comma-separated ({@code counter.sequential,pool.at-most-n}),
 *     or {@code null} for all
 * @param seed the run's seed
 * @param workDir where compiled classes and the forked JVMs' files go
 * @param rerunCommand the command a rerun hint starts with, e.g. {@code mvn test -Dsubmission=DIR}; one
 *     that starts with {@code java} is the command-line grader's, which takes {@code --check}/{@code --seed}
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

    /** The check ids asked for, in the order given; empty when every check runs. */
    public Set<String> checkIds() {
        if (check == null) {
            return Set.of();
        }
        return Arrays.stream(check.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Whether only some checks run: a rerun, whose report must not replace the full one. */
    public boolean partial() {
        return !checkIds().isEmpty();
    }

    /** The sentence that ends a failed check's message: the command that reruns it alone, as the user ran the grader. */
    String rerunHint(String checkId) {
        String key = rerunCommand.startsWith("java ") ? "engine.rerun.cli" : "engine.rerun";
        return Messages.format(key, rerunCommand, checkId, Long.toString(seed));
    }

    /** Fails, naming the first one, when an asked-for lab or check is not in {@code catalog}. */
    void checkAgainst(List<LabDefinition> catalog) {
        for (String lab : assignments) {
            if (catalog.stream().noneMatch(l -> l.id().equals(lab))) {
                throw new IllegalArgumentException(Messages.format("engine.request.unknown-lab", lab,
                        catalog.stream().map(LabDefinition::id).collect(Collectors.joining(", "))));
            }
        }
        for (String id : checkIds()) {
            if (catalog.stream().flatMap(l -> l.checks().stream()).noneMatch(c -> c.id().equals(id))) {
                throw new IllegalArgumentException(Messages.format("engine.request.unknown-check", id));
            }
            String lab = id.substring(0, id.indexOf('.'));
            if (!assignments.isEmpty() && !assignments.contains(lab)) {
                throw new IllegalArgumentException(Messages.format("engine.request.check-outside-labs", id,
                        String.join(",", assignments)));
            }
        }
    }

    boolean wants(LabDefinition lab) {
        Set<String> ids = checkIds();
        if (!ids.isEmpty() && ids.stream().noneMatch(id -> id.startsWith(lab.id() + "."))) {
            return false;
        }
        return assignments.isEmpty() || assignments.contains(lab.id());
    }

    boolean wants(CheckDefinition check) {
        Set<String> ids = checkIds();
        return ids.isEmpty() || ids.contains(check.id());
    }
}
