package labkit.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import labkit.engine.cli.GradeRun;
import labkit.engine.grade.GradeRequest;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.engine.report.GradeReport;
import labkit.engine.report.ReportText;
import labkit.engine.text.Messages;
import labkit.engine.report.ReportWriter;
import labkit.engine.sandbox.ReportSeal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * What {@code mvn test -Dsubmission=DIR} (in the kit) and {@code mvn test} (in a student
 * repository) run: grades the submission through {@link GradeRun}, like the command-line grader,
 * and shows every check as a test named by its id, so that the build fails when a check fails.
 * {@code -Dgrader.failBuild=false} keeps the build green through the build's profile that sets
 * {@code maven.test.failure.ignore}; the checks are still failures in surefire's XML.
 *
 * <p>System properties: {@code submission}, {@code assignments}, {@code check} (one or more ids,
 * comma-separated), {@code grader.seed}; and, set by the build, {@code grader.root},
 * {@code grader.invocationDir}, {@code grader.output}, {@code grader.work}.
 */
public class SubmissionGrading {

    @TestFactory
    Stream<DynamicNode> grade() {
        Path out = Path.of(property("grader.output", "target/grade"));
        GradeReport report = GradeRun.run(request(), out, System.out, System.getenv());
        // Taken now that every forked JVM is gone; checked by the build's last test.
        ReportSeal seal = ReportSeal.of(ReportWriter.folderFor(report, out), ReportWriter.FILES);
        DynamicTest intact = DynamicTest.dynamicTest("report-files-intact", source("report-files-intact"),
                () -> seal.broken().ifPresent(why -> { throw new CheckFailed(why); }));
        return Stream.concat(report.assignments().stream().flatMap(SubmissionGrading::tests), Stream.of(intact));
    }

    /**
     * A test per check, named by its id. A lab that is missing or does not compile fails once, in
     * its first check, with the lab's reason; its other checks did not run and are skipped, so
     * that surefire's summary has one line for the lab, not one per check.
     */
    private static Stream<DynamicNode> tests(AssignmentResult lab) {
        if (lab.graded()) {
            return lab.checks().stream().<DynamicNode>map(c -> DynamicTest.dynamicTest(c.id(), source(c.id()), () -> verdict(c)));
        }
        String reason = lab.message() == null ? lab.status() : ReportText.clean(lab.message()).split("\n", 2)[0];
        String failure = Messages.format("report.surefire.failure", lab.id(), lab.status(), reason);
        String skipped = Messages.format("report.surefire.not-run", lab.id(), lab.status());
        return lab.checks().stream().<DynamicNode>map(c -> DynamicTest.dynamicTest(c.id(), source(c.id()), () -> {
            if (c == lab.checks().get(0)) {
                throw new CheckFailed(failure);
            }
            Assumptions.abort(skipped);
        }));
    }

    /**
     * Where a check's test comes from, for the build's reports: the check itself, not this factory
     * method, so that surefire names the test case by the check id alone ({@code counter.sequential},
     * not {@code grade() counter.sequential}, which it writes for a test whose source is a method).
     */
    private static java.net.URI source(String checkId) {
        return java.net.URI.create("labkit:check:" + checkId);
    }

    /**
     * Fails the check's test with one line (surefire repeats it in its summary of failures); the
     * whole message was printed once, in the report, and is in grade.md.
     */
    private static void verdict(CheckResult check) {
        if (!check.passed()) {
            String headline = check.message() == null ? "" : ReportText.clean(check.message()).split("\n", 2)[0];
            throw new CheckFailed(Messages.format("report.surefire.failure", check.id(), check.status(), headline));
        }
    }

    static GradeRequest request() {
        Path root = Path.of(property("grader.root", ".")).toAbsolutePath().normalize();
        Path invocation = Path.of(property("grader.invocationDir", root.toString()));
        String given = property("submission", null);
        Path dir;
        String label;
        String rerun;
        if (given == null) {
            dir = root;
            label = root.getFileName().toString();
            rerun = "mvn test";
        } else if (given.equals("reference")) {
            dir = root.resolve("reference");
            label = "reference";
            rerun = "mvn test -Dsubmission=reference";
        } else {
            dir = invocation.resolve(given).toAbsolutePath().normalize();
            label = given;
            rerun = "mvn test -Dsubmission=" + given;
        }
        String agent = property("grader.coverageAgent", null);
        List<String> childArgs = agent == null ? List.of() : List.of(agent);
        return new GradeRequest(dir, label, GradeRun.list(property("assignments", null)),
                GradeRun.joined(GradeRun.list(property("check", null))), GradeRun.seed(property("grader.seed", null)),
                Path.of(property("grader.work", "target/grade-work")), rerun, childArgs);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }

    /**
     * A check that did not pass, as surefire shows it: the verdict and message the report printed,
     * without a stack trace, which would only show the kit's own frames.
     */
    private static final class CheckFailed extends AssertionFailedError {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
