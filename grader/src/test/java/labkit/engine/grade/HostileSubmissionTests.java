package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import labkit.engine.report.AssignmentResult;
import labkit.engine.text.Messages;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Student code is untrusted: each hostile sample ends with a true grade written by the kit. The
 * time each took is printed (for the benchmark notes), never asserted.
 */
@Timeout(600)
class HostileSubmissionTests {

    static Stream<Arguments> hostileSamples() {
        return Stream.of(
                sample("exit-in-static-init", r -> refused(r, "LockCounter.java:8 uses java.lang.System.exit (ending the JVM)")),
                sample("halt-in-constructor", r -> refused(r, "uses java.lang.Runtime.halt (ending the JVM or starting processes)")),
                sample("endless-loop-in-constructor", r -> {
                    assertThat(r.check("probe.get").status()).isEqualTo("timed_out");
                    assertThat(r.check("probe.get").message()).contains("at lab.counter.LockCounter.<init>(LockCounter.java:");
                    assertThat(r.check("probe.increment").status()).isEqualTo("timed_out");
                    assertThat(r.check("probe.structure").status()).isEqualTo("passed");
                }),
                sample("immortal-static-init", r -> {
                    assertThat(r.check("probe.get").status()).isEqualTo("timed_out");
                    assertThat(r.check("probe.get").message()).contains("at lab.counter.LockCounter.<clinit>(LockCounter.java:");
                    assertThat(r.check("probe.increment").status()).isEqualTo("timed_out");
                }),
                sample("thread-bomb", r -> {
                    // Starting 2000 threads per instance fits in probe.get's 2 s on an idle machine, not
                    // always on a loaded one: either verdict is true; what must not happen is a kit error,
                    // or the never-ending threads keeping grading from going on to the next check.
                    assertThat(r.check("probe.get").status()).isIn("passed", "timed_out");
                    assertThat(r.check("probe.increment").status()).isIn("passed", "timed_out");
                    assertThat(r.check("probe.structure").status()).isEqualTo("passed");
                }),
                sample("deep-recursion", r -> assertThat(r.check("probe.get").message())
                        .startsWith(Messages.format("engine.check.student-threw", "java.lang.StackOverflowError"))),
                sample("floods-100mb", r -> assertThat(r.check("probe.get").status()).isEqualTo("passed")),
                sample("writes-grade-files", r -> refused(r, "uses java.nio.file.Files.writeString (file access)")),
                sample("reflects-into-grader", r -> refused(r, "uses java.lang.Class.forName (reflection)")),
                sample("class-in-grader-package", r -> {
                    assertThat(r.message()).contains(Messages.format("engine.lab.outside-package", "lab.counter",
                            "labkit/engine/child/Forged.class"));
                    refused(r, "uses labkit.engine.child.Forged.write (the grader's own classes)");
                }),
                sample("hostile-exception", r -> assertThat(r.check("probe.get").message())
                        .contains("(lab.counter.LockCounter$Nasty's getMessage() did not return within 500 ms)")),
                sample("behaves-only-under-junit", r -> refused(r, "uses java.lang.Throwable.getStackTrace (inspecting the caller's stack)")),
                // One sample per class of escape that a denylist let through (issue 9): each is refused
                // before it runs, naming every use.
                sample("method-reference-escapes", r -> refused(r,
                        "LockCounter.java:12 uses java.lang.Runtime.exec (ending the JVM or starting processes)",
                        "LockCounter.java:13 uses java.io.FileOutputStream (file access)",
                        "LockCounter.java:14 uses java.lang.System.getProperty (reaching outside the lab)",
                        "LockCounter.java:15 uses java.lang.ProcessHandle.destroyForcibly (controlling processes)")),
                sample("reflection-through-beans", r -> refused(r,
                        "LockCounter.java:11 uses java.beans.Expression (reflection)",
                        "LockCounter.java:12 uses java.beans.Statement.execute (reflection)")),
                sample("compiles-at-run-time", r -> refused(r,
                        "LockCounter.java:10 uses javax.tools.ToolProvider.getSystemJavaCompiler (compiling code at run time)",
                        "LockCounter.java:11 uses javax.tools.JavaCompiler.run (compiling code at run time)")),
                sample("reads-files-through-urls", r -> refused(r,
                        "LockCounter.java:10 uses java.net.URL (reading files or opening connections)",
                        "LockCounter.java:10 uses java.net.URL.openStream (reading files or opening connections)",
                        "LockCounter.java:17 uses java.lang.Class.getResource (reading files)",
                        "LockCounter.java:18 uses java.lang.Class.getResourceAsStream (reading files)",
                        "LockCounter.java:19 uses java.lang.ClassLoader.getSystemResource (loading classes)")),
                sample("logs-to-a-file", r -> refused(r,
                        "LockCounter.java:11 uses java.util.logging.FileHandler (writing log files)",
                        "LockCounter.java:12 uses java.util.logging.Logger.addHandler (writing log files)")),
                sample("prefs-jndi-rmi", r -> refused(r,
                        "LockCounter.java:11 uses java.util.prefs.Preferences.put (writing the user's preferences)",
                        "LockCounter.java:13 uses javax.naming.InitialContext.lookup (looking up remote objects)",
                        "LockCounter.java:14 uses java.rmi.registry.LocateRegistry.getRegistry (calling remote objects)",
                        "LockCounter.java:15 uses java.awt.Desktop.open (not on the labs' list of allowed APIs)")),
                sample("finds-the-graders-threads", r -> refused(r,
                        "LockCounter.java:10 uses java.lang.Thread.enumerate (inspecting the grader's threads)",
                        "LockCounter.java:18 uses java.lang.Thread.getAllStackTraces (inspecting the caller's stack)",
                        "LockCounter.java:21 uses java.lang.Thread.getThreadGroup (inspecting the grader's threads)")),
                sample("inherits-refused-members", r -> refused(r,
                        "LockCounter.java:14 uses lab.counter.LockCounter$Worker.getStackTrace (inspecting the caller's stack)",
                        "LockCounter.java:15 uses lab.counter.LockCounter$Failure.getStackTrace (inspecting the caller's stack)")),
                sample("modern-java-forms", r -> {
                    // Lambdas, method references, string concatenation, a record and an enum switch are
                    // invokedynamic or synthetic code the allowlist must let through.
                    assertThat(r.message()).isNull();
                    assertThat(r.check("probe.get").status()).isEqualTo("passed");
                    assertThat(r.check("probe.increment").status()).isEqualTo("passed");
                    assertThat(r.check("probe.structure").status()).isEqualTo("passed");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSamples")
    void gradingEndsWithATrueGrade(String sample, Consumer<AssignmentResult> expectation) throws IOException {
        Files.deleteIfExists(escapeMarker(sample));
        long start = System.nanoTime();
        AssignmentResult result = EngineTests.gradeWithProbe("hostile", sample, 7);
        System.out.printf("hostile sample %-28s status %s, %s/%s points, graded in %d ms%n", sample, result.status(),
                result.score(), result.maxScore(), (System.nanoTime() - start) / 1_000_000);
        assertThat(result.status()).isEqualTo("graded");
        expectation.accept(result);
        // The samples that write files aim at this one; a refused sample never runs, so it is never there.
        assertThat(escapeMarker(sample)).doesNotExist();
    }

    private static Arguments sample(String name, Consumer<AssignmentResult> expectation) {
        return Arguments.of(name, expectation);
    }

    private static Path escapeMarker(String sample) {
        return Path.of("/tmp/labkit-escaped-" + sample);
    }

    private static void refused(AssignmentResult result, String... violations) {
        assertThat(result.score()).isZero();
        assertThat(result.message()).contains(violations);
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.message()).startsWith(
                Messages.format("engine.lab.sandbox", "").trim()));
    }
}
