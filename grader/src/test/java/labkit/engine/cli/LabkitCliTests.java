package labkit.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import labkit.engine.report.GradeReport;
import labkit.engine.report.ReportWriter;
import labkit.engine.text.Messages;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command-line grader run in-process: its exit statuses, its one-line errors, and a rerun beside the full report. */
@Timeout(300)
class LabkitCliTests {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String PROGRAM = "java -jar labkit.jar";

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LabkitCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), PROGRAM);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path out() {
        return KitGrading.root().resolve("grader/target/kit-work/cli-" + RUNS.incrementAndGet());
    }

    private static String attempt() {
        return KitGrading.root().resolve("samples/student-attempt").toString();
    }

    private static void expectUsageError(Run run, String line) {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(line + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("--help lists the options, the outputs and the exit statuses, and exits 0")
    void help() {
        Run run = run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: java -jar labkit.jar grade DIR [--assignments a,b] [--check ID[,ID...]] [--seed N] [--out OUT]")
                .contains("--assignments a,b", "--check ID[,ID...]", "--seed N", "--out OUT", "(buffer, counter, fetcher, latch, pool)")
                .contains("grade.json", "grade.md", "results.json", "classroom.json", "OUT/rerun")
                .contains("Exit status: 0 every graded check passed; 1 a check failed; 2 bad usage");
    }

    @Test
    @DisplayName("bad usage exits 2 with one line on stderr that says why")
    void badUsage() {
        expectUsageError(run(), "labkit: give a command: grade DIR (see --help)");
        expectUsageError(run("regrade", "x"), "labkit: unknown command regrade: the only command is grade (see --help)");
        expectUsageError(run("grade"), "labkit: grade needs the submission folder: grade DIR (see --help)");
        expectUsageError(run("grade", "a", "b"), "labkit: unexpected argument b: grade takes one submission folder (see --help)");
        expectUsageError(run("grade", "a", "--chek", "x"), "labkit: unknown option --chek (see --help)");
        expectUsageError(run("grade", "a", "--seed"), "labkit: option --seed needs a value (see --help)");
    }

    @Test
    @DisplayName("an unreadable folder, an unknown lab or check and a bad seed exit 2 before anything is graded")
    void badRequest() throws Exception {
        Path out = out();
        expectUsageError(run("grade", "no/such/folder", "--out", out.toString()),
                "labkit: cannot read the submission folder no/such/folder: it does not exist");
        Path file = Files.createDirectories(out).resolve("a-file");
        Files.writeString(file, "x");
        expectUsageError(run("grade", file.toString()), "labkit: cannot read the submission folder " + file + ": it is not a folder");
        expectUsageError(run("grade", attempt(), "--assignments", "counter,queue"),
                "labkit: " + Messages.format("engine.request.unknown-lab", "queue", "buffer, counter, fetcher, latch, pool"));
        expectUsageError(run("grade", attempt(), "--check", "counter.sequential,counter.no-such-check"),
                "labkit: " + Messages.format("engine.request.unknown-check", "counter.no-such-check"));
        expectUsageError(run("grade", attempt(), "--assignments", "pool", "--check", "counter.sequential"),
                "labkit: The check counter.sequential is not in the labs asked for (pool): leave out the labs, or add its lab.");
        expectUsageError(run("grade", attempt(), "--seed=12x"), "labkit: the seed must be a whole number, not 12x");
        Run unwritable = run("grade", attempt(), "--out", file.resolve("below").toString(), "--check", "counter.sequential");
        assertThat(unwritable.status()).isEqualTo(2);
        assertThat(unwritable.err()).startsWith("labkit: cannot write the reports to " + file.resolve("below") + ": ")
                .hasLineCount(1);
        assertThat(out.resolve("grade.json")).doesNotExist();
    }

    @Test
    @DisplayName("a rerun of two checks exits 1 when one fails, writes OUT/rerun beside the full report, and says 2 checks rerun")
    void rerunBesideTheFullReport() throws Exception {
        Path out = out();
        Run full = run("grade", attempt(), "--check", "counter.sequential", "--seed", "7", "--out", out.toString());
        assertThat(full.status()).as(full.err()).isZero();
        Files.createDirectories(out);
        Files.writeString(out.resolve("grade.json"), "the full report");

        Run rerun = run("grade", attempt(), "--check", "counter.sequential, counter.lock-released-after-exception",
                "--seed", "7", "--out", out.toString());

        assertThat(rerun.status()).as(rerun.err()).isEqualTo(1);
        assertThat(out.resolve("grade.json")).hasContent("the full report");
        GradeReport report = ReportWriter.read(out.resolve("rerun/grade.json"));
        assertThat(report.rerun()).containsExactly("counter.sequential", "counter.lock-released-after-exception");
        assertThat(report.assignment("counter").checks()).hasSize(2);
        assertThat(out.resolve("rerun")).isDirectoryContaining("glob:**/classroom.json").isDirectoryContaining("glob:**/results.json")
                .isDirectoryContaining("glob:**/grade.md");
        assertThat(rerun.out())
                .contains("labkit: counter: running 2 checks ...")
                .contains("labkit: counter graded: 1 / 25 points; 2 of 2 checks done, 1 / 25 points so far")
                .contains("counter    graded         2 checks rerun   1 of 2 checks passed")
                .contains("2 checks rerun: 1 passed")
                .contains("  > Rerun just this check: java -jar labkit.jar grade " + attempt()
                        + " --check counter.lock-released-after-exception --seed 7");
        assertThat(out.resolve("rerun/grade.md")).content().startsWith("# 2 checks rerun: 1 passed");
    }
}
