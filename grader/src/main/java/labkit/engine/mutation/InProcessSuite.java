package labkit.engine.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import labkit.engine.child.ChildConfig;
import labkit.engine.diag.SafeText;
import labkit.engine.grade.CheckDefinition;
import labkit.engine.grade.LabCatalog;
import labkit.engine.grade.LabDefinition;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One lab's suite run in this JVM, through the JUnit Platform Launcher as the forked grading JVM
 * runs it, but with the student class taken from the class path ({@link ChildConfig#CLASSES_FROM_CLASS_PATH}).
 * PIT mutates the reference classes it finds there, so this is how a mutant meets the suite.
 *
 * <p>Checks run one at a time, in the suite's order, and the run stops at the first that does not
 * pass: one failure kills the mutant, and the rest would only cost time. A check that outlives its
 * bound fails here (no JVM is ended, since there is no grading process to restart it); a mutant
 * that hangs beyond that is PIT's timeout.
 */
public final class InProcessSuite {

    /** A check that did not pass: its full id and why (the check's message, or what was thrown). */
    public record Failure(String checkId, String message) {}

    private InProcessSuite() {}

    /** The first check of {@code labId}'s suite that does not pass against the class on the class path. */
    public static Optional<Failure> firstFailure(String labId, long seed) {
        LabDefinition lab = LabCatalog.discover().stream().filter(l -> l.id().equals(labId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab " + labId));
        for (CheckDefinition check : lab.checks()) {
            List<Failure> failures = run(lab, check.id(), seed);
            if (!failures.isEmpty()) {
                return Optional.of(failures.get(0));
            }
        }
        return Optional.empty();
    }

    private static List<Failure> run(LabDefinition lab, String checkId, long seed) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(lab.suite()))
                .configurationParameter(ChildConfig.CLASSES_FROM_CLASS_PATH, "true")
                .configurationParameter(ChildConfig.SEED, Long.toString(seed))
                .configurationParameter(ChildConfig.CHECKS, checkId)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        Recorder recorder = new Recorder(checkId);
        LauncherFactory.create().execute(request, recorder);
        if (!recorder.ran && recorder.failures.isEmpty()) {
            recorder.failures.add(new Failure(checkId, "the check did not run"));
        }
        return recorder.failures;
    }

    /** Every test or container that did not succeed, and whether the selected check ran at all. */
    private static final class Recorder implements TestExecutionListener {
        private final String checkId;
        private final List<Failure> failures = new ArrayList<>();
        private boolean ran;

        Recorder(String checkId) {
            this.checkId = checkId;
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            ran |= id.isTest();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(new Failure(checkId, result.getThrowable().map(Recorder::message).orElse("unknown")));
            }
        }

        private static String message(Throwable thrown) {
            return thrown.getMessage() != null ? thrown.getMessage() : SafeText.describe(thrown);
        }
    }
}
