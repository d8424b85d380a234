package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.GradedLab;
import labkit.api.Visibility;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.engine.report.SourceLocation;
import labkit.kit.KitGrading;
import lab.counter.Counter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A check's visibility comes from its declaration, and a failure points at the student's line from the repository's root. */
class CheckDetailsTests {

    @GradedLab(id = "seen", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 3)
    static class VisibilitySuite {
        @Check(id = "open", points = 1, category = Category.CORRECTNESS, description = "default")
        void open() {}

        @Check(id = "later", points = 1, category = Category.CORRECTNESS, description = "after the due date",
                visibility = Visibility.AFTER_DUE_DATE)
        void later() {}

        @Check(id = "secret", points = 1, category = Category.CORRECTNESS, description = "instructors only",
                visibility = Visibility.HIDDEN)
        void secret() {}
    }

    private static final LabDefinition LAB = LabCatalog.define(VisibilitySuite.class);

    @Test
    @DisplayName("@Check(visibility) is read into the check's definition; visible by default")
    void visibilityIsDeclared() {
        assertThat(LAB.checks()).extracting(CheckDefinition::id, CheckDefinition::visibility).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("seen.open", Visibility.VISIBLE),
                org.assertj.core.groups.Tuple.tuple("seen.later", Visibility.AFTER_DUE_DATE),
                org.assertj.core.groups.Tuple.tuple("seen.secret", Visibility.HIDDEN));
    }

    @Test
    @DisplayName("attach: each verdict gets its visibility, and a failure the student's deepest frame, below src/main/java when there is one")
    void attach() throws Exception {
        Path repo = KitGrading.root().resolve("grader/target/kit-work/check-details-repo");
        Files.createDirectories(repo.resolve("src/main/java"));
        Path flat = Files.createDirectories(KitGrading.root().resolve("grader/target/kit-work/check-details-flat"));
        String trace = "Stuck.\n    at lab.counter.LockCounter.get(LockCounter.java:12)\n    at lab.counter.LockCounter.run(LockCounter.java:30)";
        AssignmentResult result = new AssignmentResult("seen", "graded", 1, 3, null, List.of(
                new CheckResult("seen.open", "correctness", "passed", 1, 1, null, null, 1, "default"),
                new CheckResult("seen.later", "correctness", "failed", 0, 1, trace, null, 1, "after"),
                new CheckResult("seen.secret", "correctness", "failed", 0, 1, "no line", null, 1, "secret")));

        List<CheckResult> inRepo = CheckDetails.attach(LAB, request(repo), result).checks();
        assertThat(inRepo).extracting(CheckResult::visibility).containsExactly("visible", "after_due_date", "hidden");
        assertThat(inRepo).extracting(CheckResult::location).containsExactly(null,
                new SourceLocation("src/main/java/lab/counter/LockCounter.java", 12), null);
        assertThat(CheckDetails.attach(LAB, request(flat), result).checks().get(1).location())
                .isEqualTo(new SourceLocation("lab/counter/LockCounter.java", 12));
    }

    @Test
    @DisplayName("attach puts a lab's verdicts in the order of its handout's table, read from the grader's own copy")
    void handoutOrder() {
        LabDefinition counter = LabCatalog.discover().stream().filter(l -> l.id().equals("counter")).findFirst().orElseThrow();
        List<String> handout = HandoutOrder.of("counter");
        assertThat(handout).hasSize(counter.checks().size()).startsWith("counter.sequential", "counter.increment-waits-for-update");
        List<CheckResult> reversed = new java.util.ArrayList<>(counter.checks().stream()
                .map(c -> new CheckResult(c.id(), "correctness", "passed", 1, 1, null, null, 1, "x")).toList());
        java.util.Collections.reverse(reversed);
        AssignmentResult result = new AssignmentResult("counter", "graded", 0, 25, null, reversed);
        assertThat(CheckDetails.attach(counter, request(KitGrading.root()), result).checks()).extracting(CheckResult::id)
                .containsExactlyElementsOf(handout);
        assertThat(HandoutOrder.of("no-such-lab")).isEmpty();
    }

    private static GradeRequest request(Path dir) {
        return new GradeRequest(dir, "x", Set.of(), null, 1, dir.resolve("work"), "mvn test", List.of());
    }
}
