package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import labkit.engine.report.CheckResult;
import labkit.engine.sandbox.SandboxMode;
import labkit.engine.text.Messages;
import labkit.kit.KitGrading;
import lab.counter.Counter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lab's budget is a wall-clock cap: it ends a JVM in the middle of a check, not only between JVMs. */
@Timeout(300)
class LabBudgetTests {

    @Test
    @DisplayName("a budget that runs out stops the JVM there, during a check or before one, and the rest are not run")
    void budgetEndsTheRunningCheck() throws Exception {
        Path sample = KitGrading.root().resolve("grader/src/test/submissions/hostile/endless-loop-in-constructor");
        Path work = ContainedGrading.scratchOfTest("budget");
        LabCompiler.Result compiled = LabCompiler.compile(List.of(sample.resolve("lab/counter/LockCounter.java")),
                Path.of(Counter.class.getProtectionDomain().getCodeSource().getLocation().toURI()), sample, work.resolve("classes"));
        GradeRequest request = new GradeRequest(sample, "budget", Set.of(), null, 7, work, "mvn test", List.of(), true, SandboxMode.AUTO);
        LabDefinition probe = ContainedGrading.PROBE;

        // 1 s is less than any check's bound (and than starting a JVM): only the budget can end this JVM.
        long start = System.nanoTime();
        List<CheckResult> results = new ChildSession(probe, request, compiled.classes(), work, 1).grade(probe.checks());
        System.out.printf("a 1 s budget ended grading after %d ms%n", (System.nanoTime() - start) / 1_000_000);

        // Checked only between JVMs, the budget would let the hanging checks reach their own bounds
        // (timed-out messages with thread dumps); as a deadline, it ends the JVM, whichever check is running.
        String duringACheck = Messages.format("engine.check.budget-spent", 1);
        String notRun = Messages.format("engine.lab.budget-spent", 1);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("timed_out");
            assertThat(r.message()).satisfiesAnyOf(m -> assertThat(m).startsWith(duringACheck), m -> assertThat(m).isEqualTo(notRun));
        });
    }
}
