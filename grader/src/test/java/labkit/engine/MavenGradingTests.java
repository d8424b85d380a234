package labkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import labkit.engine.report.ReportWriter;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The Maven path ({@code mvn test -Dsubmission=DIR -Dcheck=...}) as surefire sees it, run through
 * the JUnit Platform in-process: a test per check named by its id (also in surefire's XML), a failure in one line without
 * a stack trace of the kit's frames, a missing lab failed once with the rest skipped, and a
 * rerun's report beside the full one.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class MavenGradingTests {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Test
    @DisplayName("each check is a test named by its id; a failure is one line with no frames; a missing lab fails once")
    void testsAsSurefireSeesThem() {
        Path out = KitGrading.root().resolve("grader/target/kit-work/maven-" + RUNS.incrementAndGet());
        Map<String, String> properties = Map.of(
                "submission", KitGrading.root().resolve("samples/student-attempt").toString(),
                "check", "counter.sequential,counter.lock-released-after-exception,buffer.fifo,buffer.capacity",
                "grader.seed", "7",
                "grader.output", out.toString(),
                "grader.work", out.resolve("work").toString());
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        Map<String, String> original = new LinkedHashMap<>();
        properties.forEach((k, v) -> original.put(k, System.getProperty(k)));
        try {
            properties.forEach(System::setProperty);
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(SubmissionGrading.class)).build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (test.isTest()) {
                                results.put(test.getDisplayName(), result);
                                sources.put(test.getDisplayName(), test.getSource().orElse(null));
                            }
                        }

                        @Override
                        public void executionSkipped(TestIdentifier test, String reason) {
                            results.put(test.getDisplayName(), null);
                        }
                    });
        } finally {
            original.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }

        assertThat(results.keySet()).containsExactlyInAnyOrder("counter.sequential", "counter.lock-released-after-exception",
                "buffer.fifo", "buffer.capacity", "report-files-intact");
        // Surefire names a test whose source is a method "grade() <display name>"; from a URI, by the display name alone.
        assertThat(sources.get("counter.sequential")).isInstanceOfSatisfying(org.junit.platform.engine.support.descriptor.UriSource.class,
                uri -> assertThat(uri.getUri()).hasToString("labkit:check:counter.sequential"));
        assertThat(results.get("report-files-intact").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.get("counter.sequential").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        TestExecutionResult failed = results.get("counter.lock-released-after-exception");
        assertThat(failed.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        Throwable failure = failed.getThrowable().orElseThrow();
        assertThat(failure.getMessage()).startsWith("counter.lock-released-after-exception failed: After f threw inside update(f)")
                .endsWith("(the whole message is in the report above and in grade.md)").doesNotContain("\n");
        assertThat(failure.getStackTrace()).isEmpty();
        assertThat(results.values()).filteredOn(r -> r.getStatus() == TestExecutionResult.Status.FAILED
                && r.getThrowable().orElseThrow().getMessage().startsWith("buffer missing: No lab.buffer.ConditionBuffer")).hasSize(1);
        assertThat(results.values()).filteredOn(r -> r.getStatus() == TestExecutionResult.Status.ABORTED).hasSize(1);
        assertThat(ReportWriter.read(out.resolve("rerun/grade.json")).rerun()).hasSize(4);
        assertThat(out.resolve("grade.json")).doesNotExist();
    }
}
