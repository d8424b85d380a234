package labkit.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.grade.GradeRequest;
import labkit.engine.grade.Grader;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;

/**
 * Grades the kit's own sample submissions end to end, exactly as {@code mvn test -Dsubmission=DIR}
 * would: compiled by the kit, run in a forked JVM, under the watchdog.
 */
public final class KitGrading {

    /** The seed of every self-test run: failures reproduce. */
    public static final long SEED = 20261122L;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private KitGrading() {}

    /** The kit's root folder (where the parent pom is). */
    public static Path root() {
        String root = System.getProperty("grader.root");
        Path dir = root == null || root.startsWith("${") ? Path.of("..") : Path.of(root);
        return dir.toAbsolutePath().normalize();
    }

    /** The hidden reference solutions, graded as a submission. */
    public static Path reference() {
        return root().resolve("reference");
    }

    /** A sample submission kept with the kit's tests: {@code grader/src/test/submissions/<lab>/<variant>}. */
    public static Path sample(String lab, String variant) {
        Path dir = root().resolve("grader/src/test/submissions").resolve(lab).resolve(variant);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no sample submission " + dir);
        }
        return dir;
    }

    /**
     * The reference solutions with the files of sample {@code lab/variant} laid over them: for
     * samples that only add a file (a hostile copy of a kit type, say) to a correct solution.
     */
    public static Path referenceWith(String lab, String variant) {
        Path dir = root().resolve("grader/target/kit-work/reference-with-" + variant + "-" + RUNS.incrementAndGet());
        copyTree(reference().resolve("src/main/java"), dir.resolve("src/main/java"));
        copyTree(sample(lab, variant), dir.resolve("src/main/java"));
        return dir;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grades {@code lab} of the submission in {@code dir}, every check. */
    public static AssignmentResult grade(Path dir, String lab) {
        return grade(dir, lab, null, SEED);
    }

    /** Grades {@code lab} of the submission in {@code dir}: one check when {@code check} is given. */
    public static AssignmentResult grade(Path dir, String lab, String check, long seed) {
        Path work = root().resolve("grader/target/kit-work").resolve(lab + "-" + dir.getFileName() + "-" + RUNS.incrementAndGet());
        String agent = System.getProperty("grader.coverageAgent");
        List<String> jvmArgs = agent == null || agent.isBlank() || agent.startsWith("${") ? List.of() : List.of(agent);
        GradeRequest request = new GradeRequest(dir, dir.getFileName().toString(), Set.of(lab), check, seed, work,
                "mvn test -Dsubmission=" + root().relativize(dir), jvmArgs);
        AssignmentResult result = Grader.grade(request).assignment(lab);
        expectNoKitError(result);
        return result;
    }

    /**
     * Fails the kit's own test when a check of {@code result} is a kit error (a bug in the check,
     * not the submission's): whatever sample is graded, the kit must never break.
     */
    public static void expectNoKitError(AssignmentResult result) {
        String kitError = messageStart("engine.check.kit-error");
        org.assertj.core.api.Assertions.assertThat(result.checks())
                .as("checks that failed because of a bug in the kit itself:%n%s", failures(result))
                .noneMatch(c -> "error".equals(c.status()) && c.message() != null && c.message().startsWith(kitError));
    }

    /** Asserts that every check passed, showing the messages of those that did not. */
    public static void expectFullMarks(AssignmentResult result) {
        org.assertj.core.api.Assertions.assertThat(notPassed(result)).as(() -> failures(result)).isEmpty();
        org.assertj.core.api.Assertions.assertThat(result.score()).isEqualTo(result.maxScore());
    }

    /**
     * Grades the student template's skeleton of {@code lab} and asserts that it scores 0 without
     * hanging, every check an error or a failure, and {@code check}'s message starting as given.
     */
    public static void expectSkeletonScoresZero(String lab, String check, String messageStart) {
        AssignmentResult result = grade(root().resolve("assignments/template"), lab);
        org.assertj.core.api.Assertions.assertThat(result.score()).isZero();
        org.assertj.core.api.Assertions.assertThat(result.checks())
                .allSatisfy(c -> org.assertj.core.api.Assertions.assertThat(c.status()).isIn("error", "failed"));
        org.assertj.core.api.Assertions.assertThat(result.check(check).message()).startsWith(messageStart);
    }

    /**
     * The start of message {@code key} up to its first placeholder not given, for asserting a
     * message whose later values vary from run to run; a {@code null} argument stands for such a
     * value (a port, a measured duration) and cuts the text there too.
     */
    public static String messageStart(String key, Object... leading) {
        String unknown = "\u0000";
        // messageStart(key, null) hands over a null array, not one null argument.
        Object[] given = leading == null ? new Object[] {null} : leading;
        // Every placeholder not given gets the marker too (placeholders have at most two digits),
        // so that the strict format of the kit's tests has an argument for each.
        Object[] args = new Object[100];
        java.util.Arrays.fill(args, unknown);
        for (int i = 0; i < given.length; i++) {
            args[i] = given[i] == null ? unknown : given[i];
        }
        String text = labkit.api.Feedback.text(key, args);
        int cut = text.indexOf(unknown);
        return cut < 0 ? text : text.substring(0, cut);
    }

    /** The messages of the checks that did not pass, one per line. */
    public static String failures(AssignmentResult result) {
        StringBuilder out = new StringBuilder();
        result.checks().stream().filter(c -> !c.passed()).forEach(c -> out.append(c.id()).append(": ").append(c.message()).append('\n'));
        return out.toString();
    }

    /** The ids of the checks that did not pass. */
    public static Set<String> notPassed(AssignmentResult result) {
        return result.checks().stream().filter(c -> !c.passed()).map(CheckResult::id).collect(Collectors.toSet());
    }
}
