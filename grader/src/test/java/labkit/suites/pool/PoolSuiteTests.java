package labkit.suites.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import labkit.api.Feedback;
import labkit.engine.report.AssignmentResult;
import labkit.kit.GradesSamples;
import labkit.kit.KitGrading;
import labkit.kit.SampleExpectation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Grades the grader of lab 2: the reference passes every check, each known bug fails exactly its checks. */
@DisplayName("pool suite")
@GradesSamples
class PoolSuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.reference(), "pool"));
    }

    @Test
    @DisplayName("a correct but unusual pool (fair Semaphore, synchronized ArrayList) scores full marks")
    void unusualButCorrectScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.sample("pool", "fair-synchronized-list"), "pool"));
    }

    @Test
    @DisplayName("the skeleton scores 0 without hanging, every check an error or a failure, naming the TODO")
    void skeletonScoresZero() {
        AssignmentResult result = KitGrading.grade(KitGrading.root().resolve("assignments/template"), "pool");
        assertThat(result.score()).isZero();
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.status()).isIn("error", "failed"));
        assertThat(result.check("pool.constructor").message())
                .startsWith("Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: permits()");
        assertThat(result.check("pool.exactly-n-together").status()).isEqualTo("error");
    }

    static Stream<SampleExpectation> buggySamples() {
        return Stream.of(
                SampleExpectation.of("pool", "permit-leak")
                        .fails("pool.permit-back-after-exception", Feedback.text("pool.permit-back-after-exception.leaked", 2, "run(task)"))
                        .fails("pool.active-empty-when-idle", staleAfter("run-threw", "[grader-scenario-run-threw]")),
                SampleExpectation.of("pool", "tryrun-loses-permit")
                        .fails("pool.permit-back-after-exception", Feedback.text("pool.permit-back-after-exception.leaked", 2,
                                "tryRun(task, 1 min)")),
                SampleExpectation.of("pool", "release-without-acquire")
                        .fails("pool.interrupt-keeps-permits", Feedback.text("pool.interrupt-keeps-permits.inflated", 3, 2, 3)),
                SampleExpectation.of("pool", "swallowed-interrupt")
                        .fails("pool.interrupt-while-waiting", Feedback.text("pool.interrupt-while-waiting.task-ran", "run(task)"))
                        .fails("pool.interrupt-keeps-permits", Feedback.text("pool.interrupt-keeps-permits.inflated", 3, 2, 3)),
                SampleExpectation.of("pool", "tryacquire-result-ignored")
                        .fails("pool.at-most-n", Feedback.text("pool.at-most-n.extra-entered"))
                        .fails("pool.interrupt-while-waiting", Feedback.text("pool.interrupt-while-waiting.task-ran", "run(task)"))
                        .fails("pool.interrupt-keeps-permits", Feedback.text("pool.interrupt-keeps-permits.inflated", 3, 2, 3)),
                SampleExpectation.of("pool", "static-semaphore")
                        .fails("pool.pools-independent", Feedback.text("pool.pools-independent.shared")),
                SampleExpectation.of("pool", "global-lock")
                        .fails("pool.exactly-n-together", KitGrading.messageStart("pool.exactly-n-together.stalled", 3, null))
                        .fails("pool.permit-back-after-exception", Feedback.text("pool.permit-back-after-exception.never-together", 2))
                        .fails("pool.active-names", notInside(1, 3))
                        .fails("pool.active-excludes-waiting", notInside(1, 2))
                        .fails("pool.active-snapshot", notInside(1, 2))
                        .fails("pool.interrupt-keeps-permits", notInside(1, 2)),
                SampleExpectation.of("pool", "off-by-one")
                        .fails("pool.exactly-n-together", KitGrading.messageStart("pool.exactly-n-together.stalled", 3, null))
                        .fails("pool.permit-back-after-exception", Feedback.text("pool.permit-back-after-exception.never-together", 2))
                        .fails("pool.at-most-n", notInside(0, 1))
                        .fails("pool.pools-independent", notInside(0, 1))
                        .fails("pool.interrupt-while-waiting", notInside(0, 1))
                        .fails("pool.tryrun-gives-up", notInside(0, 1))
                        .fails("pool.handoff-prompt", notInside(0, 1))
                        .fails("pool.no-busy-wait", notInside(0, 1))
                        .fails("pool.active-excludes-waiting", notInside(1, 2))
                        .fails("pool.active-snapshot", notInside(1, 2))
                        .fails("pool.interrupt-keeps-permits", notInside(1, 2))
                        .fails("pool.exception-propagates", Feedback.text("pool.call-never-returned", "run(task)", 2000, 10))
                        .fails("pool.active-empty-when-idle", Feedback.text("pool.call-never-returned", "run/tryRun", 2000, 10))
                        .fails("pool.tryrun-runs-when-free", Feedback.text("pool.tryrun-runs-when-free.free-waits", 2000, 10))
                        .fails("pool.tryrun-timeouts", Feedback.text("pool.tryrun-timeouts.free-false", "Duration.ZERO")),
                SampleExpectation.of("pool", "check-then-act-counter")
                        .fails("pool.no-busy-wait", KitGrading.messageStart("pool.no-busy-wait.spinning", "run(task)", null))
                        .fails("pool.uses-semaphore", Feedback.text("pool.uses-semaphore.none", "SemaphorePool"))
                        // the race between the check and the increment is a few ns wide: 2 cores hit it in about half the runs
                        .mayAlsoFail("pool.at-most-n"),
                SampleExpectation.of("pool", "unsafe-arraylist")
                        .fails("pool.active-thread-safe", Feedback.text("pool.active-thread-safe.lead", 8)),
                SampleExpectation.of("pool", "active-read-without-lock")
                        .fails("pool.active-thread-safe", Feedback.text("pool.active-thread-safe.plain-read", "names", "SemaphorePool.java:77")),
                SampleExpectation.of("pool", "names-added-before-acquire")
                        .fails("pool.active-excludes-waiting", Feedback.text("pool.active-excludes-waiting.listed",
                                "[grader-inside-0, grader-inside-1]", "[grader-inside-0, grader-inside-1, grader-waiting-0, grader-waiting-1]"))
                        .fails("pool.active-empty-when-idle", staleAfter("timed-out-and-interrupted", "[grader-interrupted-0]")),
                SampleExpectation.of("pool", "names-in-a-set")
                        .fails("pool.active-names", Feedback.text("pool.active-names.mismatch",
                                "[grader-solo, grader-tried, grader-twin, grader-twin, grader-twin]", "[grader-solo, grader-tried, grader-twin]")),
                SampleExpectation.of("pool", "tryrun-not-listed")
                        .fails("pool.active-names", Feedback.text("pool.active-names.mismatch",
                                "[grader-solo, grader-tried, grader-twin, grader-twin, grader-twin]", "[grader-solo, grader-twin, grader-twin]")),
                SampleExpectation.of("pool", "active-returns-live-view")
                        .fails("pool.active-snapshot", Feedback.text("pool.active-snapshot.live", "[grader-inside-0, grader-inside-1]", "[]")),
                SampleExpectation.of("pool", "name-not-removed-on-exception")
                        .fails("pool.active-empty-when-idle", staleAfter("run-threw", "[grader-scenario-run-threw]")),
                SampleExpectation.of("pool", "sleep-polling")
                        .fails("pool.handoff-prompt", KitGrading.messageStart("pool.handoff-prompt.slow", null)),
                SampleExpectation.of("pool", "busy-polling")
                        .fails("pool.no-busy-wait", KitGrading.messageStart("pool.no-busy-wait.spinning", "run(task)", null)),
                SampleExpectation.of("pool", "no-semaphore")
                        .fails("pool.uses-semaphore", Feedback.text("pool.uses-semaphore.none", "SemaphorePool")),
                SampleExpectation.of("pool", "tryrun-no-wait")
                        .fails("pool.tryrun-gives-up", KitGrading.messageStart("pool.tryrun-gives-up.too-early", 500, null))
                        .fails("pool.tryrun-runs-when-free", Feedback.text("pool.tryrun-runs-when-free.permit-missed-false"))
                        .fails("pool.tryrun-timeouts", Feedback.text("pool.tryrun-timeouts.huge-gave-up", "Duration.ofDays(365000)", false))
                        .fails("pool.interrupt-while-waiting", Feedback.text("pool.interrupt-while-waiting.returned", "tryRun(task, 1 min)")),
                SampleExpectation.of("pool", "exception-swallowed")
                        .fails("pool.exception-propagates", Feedback.text("pool.exception-propagates.swallowed", "run(task)", "GraderException")),
                SampleExpectation.of("pool", "runs-in-executor")
                        .fails("pool.run-in-caller", KitGrading.messageStart("pool.run-in-caller.other-thread", null))
                        .fails("pool.exception-propagates", Feedback.text("pool.exception-propagates.replaced", "run(task)",
                                "GraderException", "java.util.concurrent.ExecutionException")),
                SampleExpectation.of("pool", "no-permit-check")
                        .fails("pool.constructor", Feedback.text("pool.constructor.accepted", 0)),
                SampleExpectation.of("pool", "timeout-to-nanos")
                        .fails("pool.tryrun-timeouts", Feedback.text("pool.tryrun-timeouts.threw", "Duration.ofDays(365000)",
                                "java.lang.ArithmeticException")),
                // Each failed tryRun keeps one of the two permits it took, so the second one hangs.
                SampleExpectation.of("pool", "tryrun-acquires-twice")
                        .fails("pool.permit-back-after-exception", Feedback.text("pool.permit-back-after-exception.hung", 1, 2, 2000,
                                "tryRun(task, 1 min)"))
                        .fails("pool.tryrun-runs-when-free", Feedback.text("pool.tryrun-runs-when-free.free-waits", 2000, 10))
                        .fails("pool.tryrun-timeouts", Feedback.text("pool.tryrun-timeouts.free-waits", "Duration.ZERO"))
                        .fails("pool.exception-propagates", Feedback.text("pool.call-never-returned", "tryRun(task, timeout)", 2000, 10))
                        .fails("pool.active-empty-when-idle", Feedback.text("pool.call-never-returned", "run/tryRun", 2000, 10))
                        .fails("pool.no-busy-wait", Feedback.text("pool.call-never-returned", "tryRun(task, 1 min)", 2000, 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }

    // ---- expected message starts ----

    private static String staleAfter(String scenario, String active) {
        return Feedback.text("pool.active-empty-when-idle.stale", Feedback.text("pool.active-empty-when-idle.after." + scenario), active);
    }

    /** The start of a crowd that could not get in: the time it waited varies, so the message is cut before it. */
    private static String notInside(int inside, int started) {
        return KitGrading.messageStart("pool.crowd.not-inside", inside, started, null);
    }

}
