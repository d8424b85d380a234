package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.engine.report.GradeReport;
import labkit.engine.report.ReportWriter;
import labkit.engine.text.Messages;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine end to end, with a probe suite of short bounds against broken and hostile samples. */
@Timeout(300)
class EngineTests {

    private static final LabDefinition PROBE = LabCatalog.define(ProbeSuite.class);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static AssignmentResult grade(String sample, long seed) {
        return gradeWithProbe("engine", sample, seed);
    }

    /** Grades {@code submissions/<folder>/<sample>} with the probe suite. */
    static AssignmentResult gradeWithProbe(String folder, String sample, long seed) {
        return gradeWithProbe(KitGrading.root().resolve("grader/src/test/submissions").resolve(folder).resolve(sample), seed);
    }

    /** Grades the submission in {@code dir} with the probe suite. */
    static AssignmentResult gradeWithProbe(Path dir, long seed) {
        String sample = dir.getFileName().toString();
        Path work = KitGrading.root().resolve("grader/target/kit-work/engine-" + sample + "-" + RUNS.incrementAndGet());
        GradeRequest request = new GradeRequest(dir, sample, Set.of(), null, seed, work, "mvn test -Dsubmission=" + sample, List.of());
        return Grader.gradeLab(PROBE, request);
    }

    private static AssignmentResult grade(String sample) {
        return grade(sample, 7);
    }

    @Test
    @DisplayName("a call that never returns is cut off at the check's bound, with the submission's frames")
    void watchdogCutsOffAHang() {
        AssignmentResult result = grade("hangs-in-get");
        CheckResult get = result.check("probe.get");
        assertThat(get.status()).isEqualTo("timed_out");
        assertThat(get.message())
                .startsWith(Messages.format("engine.check.timed-out", 2))
                .contains("\"grader-check[probe.get]\" RUNNABLE")
                .contains("at lab.counter.LockCounter.get(LockCounter.java:")
                .endsWith("Rerun just this check: mvn test -Dsubmission=hangs-in-get -Dcheck=probe.get -Dgrader.seed=7");
        assertThat(result.check("probe.increment").status()).isEqualTo("passed");
        assertThat(result.score()).isEqualTo(2.0);
        assertThat(result.maxScore()).isEqualTo(4.0);
    }

    @Test
    @DisplayName("a compile error makes the lab compile_error with javac's message, and no check runs")
    void compileError() {
        AssignmentResult result = grade("compile-error");
        assertThat(result.status()).isEqualTo("compile_error");
        assertThat(result.message()).startsWith("lab/counter/LockCounter.java:8: error: ';' expected");
        assertThat(result.checks()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("error");
            assertThat(c.message()).isEqualTo(Messages.format("engine.lab.not-graded.compile_error"));
        });
        assertThat(result.maxScore()).isEqualTo(4.0);
    }

    @Test
    @DisplayName("a missing class makes the lab missing, with where the grader looked")
    void missing() {
        AssignmentResult result = grade("empty");
        assertThat(result.status()).isEqualTo("missing");
        assertThat(result.message()).startsWith("No lab.counter.LockCounter: the grader looked for ").endsWith("lab/counter/LockCounter.java.");
        assertThat(result.score()).isZero();
    }

    @Test
    @DisplayName("System.exit and Runtime.halt are refused before anything runs, naming the lines")
    void sandboxRefusesExit() {
        AssignmentResult result = grade("exits");
        assertThat(result.status()).isEqualTo("graded");
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo("error"));
        assertThat(result.message())
                .contains("LockCounter.java:8 uses java.lang.System.exit (ending the JVM)")
                .contains("LockCounter.java:10 uses java.lang.Runtime.halt (ending the JVM or starting processes)");
    }

    @Test
    @DisplayName("when the JVM dies during a check, that check is an error and the rest go on in a fresh JVM")
    void outOfMemoryCostsOneCheck() {
        AssignmentResult result = grade("oom-in-get");
        CheckResult get = result.check("probe.get");
        assertThat(get.status()).isEqualTo("error");
        assertThat(get.message()).startsWith(Messages.format("engine.check.out-of-memory", "512m"));
        assertThat(result.check("probe.increment").status()).isEqualTo("passed");
        assertThat(result.check("probe.structure").status()).isEqualTo("passed");
    }

    @Test
    @DisplayName("threads that never end and a flood of output do not stop grading")
    void threadsAndOutputAreContained() {
        AssignmentResult result = grade("leaves-threads-and-floods");
        assertThat(result.check("probe.get").status()).isEqualTo("passed");
        assertThat(result.check("probe.increment").status()).isEqualTo("passed");
    }

    @Test
    @DisplayName("a student's copy of the contract is left out and reported")
    void shadowingIsLeftOut() {
        AssignmentResult result = grade("shadows-contract");
        assertThat(result.message()).isEqualTo(Messages.format("engine.lab.shadowing", "Counter.java"));
        assertThat(result.check("probe.get").status()).isEqualTo("passed");
    }

    @Test
    @DisplayName("the same seed makes the same random choices; the seed is reported only where it was used")
    void seedsReproduce() {
        String first = grade("shadows-contract", 11).check("probe.random").message();
        String again = grade("shadows-contract", 11).check("probe.random").message();
        AssignmentResult other = grade("shadows-contract", 12);
        assertThat(again).isEqualTo(first);
        assertThat(other.check("probe.random").message()).isNotEqualTo(first);
        assertThat(other.check("probe.random").seed()).isEqualTo(12L);
        assertThat(other.check("probe.get").seed()).isNull();
    }

    @Test
    @DisplayName("grade.json has the fields of the grading contract")
    void gradeJsonFollowsTheContract() throws Exception {
        AssignmentResult lab = grade("hangs-in-get");
        GradeReport report = new GradeReport(GradeReport.SCHEMA, "hangs-in-get", lab.score(), lab.maxScore(), 7, List.of(lab));
        Path dir = KitGrading.root().resolve("grader/target/kit-work/json-" + RUNS.incrementAndGet());
        ReportWriter.write(report, dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("grade.json").toFile());
        assertThat(json.get("schema").asInt()).isEqualTo(1);
        assertThat(json.get("submission").asText()).isEqualTo("hangs-in-get");
        assertThat(json.get("score").asDouble()).isEqualTo(2.0);
        assertThat(json.get("max_score").asDouble()).isEqualTo(4.0);
        JsonNode assignment = json.get("assignments").get(0);
        assertThat(assignment.fieldNames()).toIterable().contains("id", "status", "score", "max_score", "message", "checks");
        JsonNode check = assignment.get("checks").get(0);
        assertThat(check.fieldNames()).toIterable()
                .contains("id", "category", "status", "points", "max_points", "message", "seed", "duration_ms");
        assertThat(ReportWriter.read(dir.resolve("grade.json"))).isEqualTo(report);
        assertThat(dir.resolve("grade.md")).content().startsWith("# Grade: 2 / 4");
        assertThat(dir.resolve("results.json")).content().contains("\"max_score\" : 1.0");
    }
}
