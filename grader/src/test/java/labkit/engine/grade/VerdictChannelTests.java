package labkit.engine.grade;

import static labkit.engine.grade.ContainedGrading.grade;
import static labkit.engine.grade.ContainedGrading.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import labkit.engine.child.EventSignature;
import labkit.engine.report.AssignmentResult;
import labkit.engine.sandbox.OsSandbox;
import labkit.engine.sandbox.SandboxMode;
import labkit.engine.text.Messages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Verdicts the child cannot forge: the grading process believes only lines signed with the run's
 * secret, numbered, in order, and nothing after the final marker; the first other line ends the
 * channel's trust. Hostile samples are graded with the static scan off, with and without the OS
 * sandbox (the channel must hold on its own).
 */
@Timeout(300)
class VerdictChannelTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    @DisplayName("the grading process's end of the channel")
    class Channel {
        private final Path file = ContainedGrading.scratchOfTest("channel").resolve("events.jsonl");
        private final EventChannel channel = new EventChannel(file, List.of("probe.get", "probe.increment"));
        private final EventSignature signature = new EventSignature(HexFormat.of().parseHex(channel.secretLine().trim()));
        private long seq;

        @Test
        @DisplayName("accepts signed lines in order; a line still being written waits for its newline")
        void acceptsSignedLinesInOrder() throws Exception {
            write(signed("start", "probe.get") + signed("end", "probe.get"));
            String next = signed("done", null);
            append(next.substring(0, 10));
            channel.poll();
            assertThat(channel.accepted()).isEqualTo(2);
            append(next.substring(10));
            channel.poll();
            assertThat(channel.accepted()).isEqualTo(3);
            assertThat(channel.distrust()).isNull();
        }

        @Test
        @DisplayName("an unsigned line, or one signed with a guess, ends trust; what came before stays")
        void unsignedLineEndsTrust() throws Exception {
            write(signed("start", "probe.get") + "{\"seq\":1,\"event\":\"end\",\"check\":\"probe.get\",\"status\":\"passed\"}\n"
                    + signed("end", "probe.get"));
            channel.poll();
            assertThat(channel.distrust()).isEqualTo("line 1 is not signed by the grader");
            assertThat(channel.accepted()).isEqualTo(1);
            assertThat(channel.running()).isEqualTo("probe.get");
        }

        @Test
        @DisplayName("a genuine line copied again (a replay) ends trust")
        void replayEndsTrust() throws Exception {
            String start = signed("start", "probe.get");
            write(start + start);
            channel.poll();
            assertThat(channel.distrust()).isEqualTo("line 1 is not signed by the grader");
        }

        @Test
        @DisplayName("signed but out of order: an end with no start, a check not asked for, two starts, anything after done")
        void outOfOrderEndsTrust() throws Exception {
            assertDistrusted("line 0 (end probe.get) comes out of order", "end probe.get");
            assertDistrusted("line 0 (start probe.other) comes out of order", "start probe.other");
            assertDistrusted("line 2 (start probe.get) comes out of order", "start probe.get", "end probe.get", "start probe.get");
            assertDistrusted("line 1 comes out of order", "done", "crash");
        }

        @Test
        @DisplayName("a log that shrinks (truncated or replaced) ends trust")
        void shrinkingEndsTrust() throws Exception {
            write(signed("start", "probe.get") + signed("end", "probe.get"));
            channel.poll();
            Files.writeString(file, "");
            channel.poll();
            assertThat(channel.distrust()).isEqualTo("the event log shrank");
        }

        @Test
        @DisplayName("an interrupted grading thread is not a tampered log: the interrupt is kept, the lines are read later")
        void interruptIsNotTampering() throws Exception {
            write(signed("start", "probe.get") + signed("end", "probe.get"));
            Thread.currentThread().interrupt();
            try {
                channel.poll();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(channel.distrust()).isNull();
            channel.poll();
            assertThat(channel.accepted()).isEqualTo(2);
        }

        /** A fresh channel, given correctly signed lines ("event check") in this order, distrusts them for {@code why}. */
        private void assertDistrusted(String why, String... events) throws Exception {
            EventChannel fresh = new EventChannel(file, List.of("probe.get", "probe.increment"));
            EventSignature key = new EventSignature(HexFormat.of().parseHex(fresh.secretLine().trim()));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < events.length; i++) {
                String[] parts = events[i].split(" ");
                lines.append(line(key, i, parts[0], parts.length > 1 ? parts[1] : null));
            }
            write(lines.toString());
            fresh.poll();
            assertThat(fresh.distrust()).isEqualTo(why);
        }

        private String signed(String event, String check) throws Exception {
            return line(signature, seq++, event, check);
        }

        private String line(EventSignature key, long number, String event, String check) throws Exception {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", number);
            line.put("event", event);
            if (check != null) {
                line.put("check", check);
            }
            String json = JSON.writeValueAsString(line);
            return key.sign(number, json) + " " + json + "\n";
        }

        private void write(String text) throws Exception {
            Files.writeString(file, text);
        }

        private void append(String text) throws Exception {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        }
    }

    @ParameterizedTest(name = "sandbox {0}")
    @EnumSource(value = SandboxMode.class, names = {"REQUIRED", "OFF"})
    @DisplayName("forged 'passed' events appended to the log: every check not yet graded is an error that says so")
    void forgedEvents(SandboxMode mode) {
        assumeMode(mode);
        AssignmentResult result = grade(sample("forges-events"), mode);

        assertThat(result.score()).isZero();
        assertThat(result.checks()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("error");
            assertThat(c.message()).isEqualTo(Messages.format("engine.check.channel-tampered"));
        });
    }

    @ParameterizedTest(name = "sandbox {0}")
    @EnumSource(value = SandboxMode.class, names = {"REQUIRED", "OFF"})
    @DisplayName("a shutdown hook and a logging handler that forge a verdict at exit change nothing")
    void forgedAtExit(SandboxMode mode) {
        assumeMode(mode);
        AssignmentResult result = grade(sample("writes-at-exit"), mode);

        assertThat(result.check("probe.random").status()).isEqualTo("failed");
        assertThat(result.check("probe.random").message()).startsWith(Messages.format("probe.random.value", "").trim());
        assertThat(result.score()).isEqualTo(3.0);
    }

    @ParameterizedTest(name = "sandbox {0}")
    @EnumSource(value = SandboxMode.class, names = {"REQUIRED", "OFF"})
    @DisplayName("a System.exit that never completes is ended after the idle grace, with every verdict kept")
    void exitThatNeverCompletes(SandboxMode mode) {
        assumeMode(mode);
        long start = System.nanoTime();
        AssignmentResult result = grade(sample("hangs-at-exit"), mode);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(result.score()).isEqualTo(3.0);
        assertThat(result.check("probe.random").status()).isEqualTo("failed");
        // Without the idle grace only the JVM's overall deadline (startup grace, every bound, and a
        // check grace: 92 s for the probe suite) would end it; the grace ends it 10 s after its last event.
        assertThat(seconds).isLessThan(ChildRun.STARTUP_GRACE_SECONDS + 2 + 5 + 20 + 20L);
    }

    @ParameterizedTest(name = "sandbox {0}")
    @EnumSource(value = SandboxMode.class, names = {"REQUIRED", "OFF"})
    @DisplayName("an exception whose getStackTrace() never returns is formatted only by the kit, and costs only its check")
    void endlessStackTrace(SandboxMode mode) {
        assumeMode(mode);
        AssignmentResult result = grade(sample("endless-stack-trace"), mode);

        assertThat(result.check("probe.get").status()).isEqualTo("error");
        assertThat(result.check("probe.get").message()).startsWith(Messages.format("engine.check.student-threw", ""));
        assertThat(result.check("probe.increment").status()).isEqualTo("passed");
        assertThat(result.check("probe.structure").status()).isEqualTo("passed");
    }

    @Test
    @DisplayName("the shutdown hook's action kills every child process tree still running")
    void interruptedGradingKillsItsChildren() throws Exception {
        ChildProcesses children = new ChildProcesses();
        Process shell = new ProcessBuilder("/bin/sh", "-c", "sleep 60 & sleep 60").start();
        children.started(shell);
        org.awaitility.Awaitility.await().until(() -> shell.descendants().count() >= 1);
        List<ProcessHandle> tree = shell.descendants().toList();

        children.killAll();

        assertThat(shell.isAlive()).isFalse();
        org.awaitility.Awaitility.await().until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(children.live()).isZero();
    }

    private static void assumeMode(SandboxMode mode) {
        if (mode == SandboxMode.REQUIRED) {
            OsSandbox auto = OsSandbox.forRun(SandboxMode.AUTO);
            Assumptions.assumeTrue(auto.active(), () -> "needs the OS sandbox, which cannot start here: " + auto.note());
        }
    }
}
