package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.report.AssignmentResult;
import labkit.engine.sandbox.OsSandbox;
import labkit.engine.sandbox.SandboxMode;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.Assumptions;

/**
 * Grades the hostile samples of the OS sandbox and the verdict channel with the probe suite and
 * the static scan off, so that the layer under test is the only one in the way.
 */
final class ContainedGrading {

    static final LabDefinition PROBE = LabCatalog.define(ProbeSuite.class);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private ContainedGrading() {}

    /** A new, empty folder of the kit's build for one test's own files (emptied: an earlier build may have left it). */
    static Path scratchOfTest(String name) {
        Path dir = KitGrading.root().resolve("grader/target/kit-work/contained-" + name + "-" + RUNS.incrementAndGet());
        LabCompiler.recreate(dir);
        return dir;
    }

    /** A copy of {@code submissions/hostile/<sample>} with its {@code @KEY@} placeholders filled in. */
    static Path filled(String sample, Map<String, String> values) {
        Path from = KitGrading.root().resolve("grader/src/test/submissions/hostile").resolve(sample);
        Path to = scratchOfTest(sample).resolve(sample);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String text = Files.readString(file);
                for (Map.Entry<String, String> v : values.entrySet()) {
                    text = text.replace("@" + v.getKey() + "@", v.getValue());
                }
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    static Path sample(String name) {
        return filled(name, Map.of());
    }

    /** Grades {@code dir} with the probe suite, the static scan off, in sandbox {@code mode}; prints how long it took. */
    static AssignmentResult grade(Path dir, SandboxMode mode) {
        String name = dir.getFileName().toString();
        Path work = KitGrading.root().resolve("grader/target/kit-work/contained-work-" + name + "-" + RUNS.incrementAndGet());
        GradeRequest request = new GradeRequest(dir, name, Set.of(), null, 7, work, "mvn test -Dsubmission=" + name, List.of(),
                false, mode);
        long start = System.nanoTime();
        AssignmentResult result = Grader.gradeLab(PROBE, request);
        System.out.printf("contained sample %-24s sandbox %-8s %s/%s points, graded in %d ms%n", name, mode.jsonName(),
                result.score(), result.maxScore(), (System.nanoTime() - start) / 1_000_000);
        assertThat(result.status()).isEqualTo("graded");
        noInternalPath(result);
        return result;
    }

    /** Skips the calling test, saying why, where Bubblewrap cannot start. */
    static void assumeSandbox() {
        OsSandbox sandbox = OsSandbox.forRun(SandboxMode.AUTO);
        Assumptions.assumeTrue(sandbox.active(), () -> "needs the OS sandbox, which cannot start here: " + sandbox.note());
    }

    /** The processes on the machine whose command line holds {@code marker}. */
    static List<ProcessHandle> processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .collect(Collectors.toList());
    }

    static String marker(String sample) {
        return "labkit-marker-" + sample + "-" + System.nanoTime();
    }

    private static void noInternalPath(AssignmentResult result) {
        String root = KitGrading.root().toString();
        assertThat(result.message() == null ? "" : result.message()).doesNotContain(root);
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.message() == null ? "" : c.message()).doesNotContain(root));
    }
}
