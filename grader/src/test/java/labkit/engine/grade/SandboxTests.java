package labkit.engine.grade;

import static labkit.engine.grade.ContainedGrading.assumeSandbox;
import static labkit.engine.grade.ContainedGrading.filled;
import static labkit.engine.grade.ContainedGrading.grade;
import static labkit.engine.grade.ContainedGrading.marker;
import static labkit.engine.grade.ContainedGrading.processesWith;
import static labkit.engine.grade.ContainedGrading.scratchOfTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labkit.engine.report.AssignmentResult;
import labkit.engine.sandbox.Limits;
import labkit.engine.sandbox.SandboxMode;
import labkit.engine.text.Messages;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OS sandbox on its own (static scan off): student-like code that tries to get out of its
 * scratch folder, outlive its JVM, reach the network or the hidden reference, or exhaust the
 * machine's threads is stopped by Bubblewrap and its limits. Skipped, with the reason, where
 * Bubblewrap cannot start; one test shows that the same code does get out without it.
 */
@Timeout(300)
class SandboxTests {

    private static final Limits LIMITS = Limits.DEFAULT;
    private static final String REFERENCE = KitGrading.reference().resolve("src/main/java/lab/counter/LockCounter.java").toString();

    @Test
    @DisplayName("in the sandbox, writing outside scratch, reading /etc/passwd or the reference, and connecting to loopback all fail; no process outlives it")
    void nothingGetsOut() throws Exception {
        assumeSandbox();
        try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path outside = scratchOfTest("outside").resolve("written-by-student.txt");
            String marker = marker("escapes");
            AssignmentResult result = grade(escapes(outside, loopback.getLocalPort(), marker), SandboxMode.REQUIRED);

            assertThat(result.check("probe.get").status()).as(() -> result.check("probe.get").message()).isEqualTo("passed");
            assertThat(outside).doesNotExist();
            await().atMost(Duration.ofSeconds(10)).until(() -> processesWith(marker).isEmpty());
        }
    }

    @Test
    @DisplayName("without the sandbox (and without the static scan) the same code writes, reads, connects and leaves a process behind")
    void withoutTheSandboxTheSameCodeGetsOut() throws Exception {
        try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path outside = scratchOfTest("outside").resolve("written-by-student.txt");
            String marker = marker("escapes");
            try {
                AssignmentResult result = grade(escapes(outside, loopback.getLocalPort(), marker), SandboxMode.OFF);

                // 1 wrote outside scratch, 2 read /etc/passwd, 4 read the reference, 8 connected to loopback.
                assertThat(result.check("probe.get").message()).startsWith(Messages.format("probe.get.wrong", 15));
                assertThat(outside).exists();
                assertThat(processesWith(marker)).isNotEmpty();
            } finally {
                processesWith(marker).forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    @DisplayName("a thread bomb is refused at the sandbox's task limit, and grading goes on")
    void threadsAreCapped() {
        assumeSandbox();
        AssignmentResult result = grade(ContainedGrading.sample("endless-threads"), SandboxMode.REQUIRED);

        String increment = result.check("probe.increment").message();
        System.out.println("endless-threads: " + increment.lines().findFirst().orElse(""));
        Matcher got = Pattern.compile("(not refused|refused) after (\\d+) threads, limit (\\S+)").matcher(increment);
        assertThat(got.find()).as(increment).isTrue();
        assertThat(got.group(3)).isEqualTo(Integer.toString(LIMITS.tasks()));
        long threads = Long.parseLong(got.group(2));
        if (got.group(1).equals("refused")) {
            // The cap counts the JVM's own threads too (a few dozen): the student gets a little fewer.
            assertThat(threads).isBetween(LIMITS.tasks() - 500L, (long) LIMITS.tasks());
        } else {
            // A loaded machine starts fewer threads than the cap in 2 s; BubblewrapTests shows the
            // refusal itself with a lower cap.
            assertThat(threads).isLessThan(LIMITS.tasks());
        }
        assertThat(result.check("probe.structure").status()).isEqualTo("passed");
    }

    @Test
    @DisplayName("a detached process (nohup, setsid, a background job) dies with the sandbox and never rewrites a grade file")
    void detachedProcessesDieWithTheSandbox() throws Exception {
        assumeSandbox();
        Path gradeFile = scratchOfTest("grade").resolve("grade.json");
        Files.writeString(gradeFile, "genuine");
        String marker = marker("detaches");
        AssignmentResult result = grade(filled("detaches-and-rewrites", Map.of("TARGET", gradeFile.toString(), "MARKER", marker)),
                SandboxMode.REQUIRED);

        assertThat(result.check("probe.random").status()).isEqualTo("failed");
        // When the sandbox ends, the kernel kills what is left in it; on a loaded machine the
        // killed shell can take a moment to exit (CI saw it still listed right after grading).
        await().atMost(Duration.ofSeconds(3)).until(() -> processesWith(marker).isEmpty());
        // The detached shell would write 4 s after it started: watch the file well past that.
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(gradeFile).equals("genuine") && processesWith(marker).isEmpty());
    }

    @Test
    @DisplayName("code that kills its parent and every process it sees reaches only its own sandbox")
    void killingTheGraderReachesOnlyTheSandbox() {
        assumeSandbox();
        AssignmentResult result = grade(ContainedGrading.sample("kills-the-grader"), SandboxMode.REQUIRED);

        // This test runs in the grading JVM: it is still here. Every check has its true verdict.
        assertThat(result.check("probe.get").status()).isIn("passed", "error");
        assertThat(result.check("probe.random").status()).isIn("failed", "error");
        assertThat(result.checks()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("timed_out"));
    }

    private static Path escapes(Path outside, int port, String marker) {
        return filled("escapes-the-sandbox", Map.of("OUTSIDE", outside.toString(), "REFERENCE", REFERENCE,
                "PORT", Integer.toString(port), "MARKER", marker));
    }
}
