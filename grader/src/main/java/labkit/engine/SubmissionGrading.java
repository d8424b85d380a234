package labkit.engine;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.grade.GradeRequest;
import labkit.engine.grade.Grader;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.engine.report.GradeReport;
import labkit.engine.report.ReportWriter;
import labkit.engine.sandbox.ReportSeal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * What {@code mvn test -Dsubmission=DIR} (in the kit) and {@code mvn test} (in a student
 * repository) run: grades the submission, writes the report files, and shows every check as a
 * test, so that the build fails when a check fails (unless {@code -Dgrader.failBuild=false}).
 *
 * <p>System properties: {@code submission}, {@code assignments}, {@code check},
 * {@code grader.seed}, {@code grader.failBuild}; and, set by the build, {@code grader.root},
 * {@code grader.invocationDir}, {@code grader.output}, {@code grader.work}.
 */
public class SubmissionGrading {

    @TestFactory
    Stream<DynamicNode> grade() {
        GradeRequest request = request();
        GradeReport report = Grader.grade(request);
        Path output = Path.of(property("grader.output", "target/grade"));
        ReportWriter.write(report, output);
        ReportSeal seal = ReportSeal.of(output, List.of("grade.json", "grade.md", "results.json"));
        System.out.println(ReportWriter.console(report));
        if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
            System.out.print(ReportWriter.githubAnnotations(report));
        }
        boolean failBuild = !"false".equalsIgnoreCase(property("grader.failBuild", "true"));
        // Runs after every check's test: the last thing the build does with the report files.
        DynamicTest intact = DynamicTest.dynamicTest("report-files-intact",
                () -> seal.broken().ifPresent(why -> { throw new AssertionFailedError(why); }));
        return Stream.concat(report.assignments().stream().map(a -> container(a, failBuild)), Stream.of(intact));
    }

    private static DynamicContainer container(AssignmentResult assignment, boolean failBuild) {
        return DynamicContainer.dynamicContainer(assignment.id(), assignment.checks().stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> verdict(c, failBuild))));
    }

    private static void verdict(CheckResult check, boolean failBuild) {
        if (check.passed()) {
            return;
        }
        String message = check.status() + ": " + check.message();
        if (!failBuild) {
            Assumptions.abort(message);
        }
        throw new AssertionFailedError(message);
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
        String seedText = property("grader.seed", null);
        long seed = seedText == null ? Math.abs(new SecureRandom().nextInt()) : Long.parseLong(seedText.trim());
        Set<String> labs = Arrays.stream(property("assignments", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        String agent = property("grader.coverageAgent", null);
        List<String> childArgs = agent == null ? List.of() : List.of(agent);
        return new GradeRequest(dir, label, labs, property("check", null), seed,
                Path.of(property("grader.work", "target/grade-work")), rerun, childArgs);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
