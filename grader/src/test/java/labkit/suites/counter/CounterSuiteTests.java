package labkit.suites.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import labkit.api.Feedback;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.kit.GradesSamples;
import labkit.kit.KitGrading;
import labkit.kit.SampleExpectation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grades the grader of lab 1: the reference passes every check, each known bug fails exactly its checks. */
@DisplayName("counter suite")
@GradesSamples
class CounterSuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.reference(), "counter"));
    }

    @ParameterizedTest(name = "correct but unusual: {0} scores full marks")
    @ValueSource(strings = {"rw-lock-fast-path", "backoff-lock-in-try", "volatile-get"})
    void unusualButCorrectScoresFullMarks(String variant) {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.sample("counter", variant), "counter"));
    }

    @Test
    @DisplayName("the skeleton scores 0 without hanging, every check an error that names the TODO")
    void skeletonScoresZero() {
        KitGrading.expectSkeletonScoresZero("counter", "counter.sequential",
                "Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: get()");
    }

    static Stream<SampleExpectation> buggySamples() {
        return Stream.of(
                SampleExpectation.of("counter", "get-without-lock")
                        .fails("counter.get-under-lock", Feedback.text("counter.get-under-lock.plain-read", "value", "LockCounter.java:25")),
                SampleExpectation.of("counter", "unlock-not-in-finally")
                        .fails("counter.lock-released-after-exception", Feedback.text("counter.lock-released-after-exception.held", 2000)),
                SampleExpectation.of("counter", "f-outside-lock")
                        .fails("counter.updates-exclusive", Feedback.text("counter.updates-exclusive.overlapped"))
                        .fails("counter.increment-waits-for-update", Feedback.text("counter.increment-waits-for-update.overlapped"))
                        .fails("counter.try-increment-never-waits", Feedback.text("counter.try-increment-never-waits.returned-true"))
                        .mayAlsoFail("counter.no-lost-updates", "counter.try-increment-counts-successes"),
                SampleExpectation.of("counter", "new-lock-per-call")
                        .fails("counter.updates-exclusive", Feedback.text("counter.updates-exclusive.overlapped"))
                        .fails("counter.increment-waits-for-update", Feedback.text("counter.increment-waits-for-update.overlapped"))
                        .fails("counter.try-increment-never-waits", Feedback.text("counter.try-increment-never-waits.returned-true"))
                        .fails("counter.uses-lock", Feedback.text("counter.uses-lock.none", "LockCounter"))
                        .mayAlsoFail("counter.no-lost-updates", "counter.try-increment-counts-successes"),
                SampleExpectation.of("counter", "non-reentrant-lock")
                        .fails("counter.reentrant-get", Feedback.text("counter.reentrant-get.deadlock", 2000)),
                SampleExpectation.of("counter", "try-increment-blocks")
                        .fails("counter.try-increment-never-waits", Feedback.text("counter.try-increment-never-waits.waited", 1000)),
                SampleExpectation.of("counter", "is-locked-then-lock")
                        .fails("counter.try-increment-never-waits", Feedback.text("counter.try-increment-never-waits.check-then-act",
                                "isLocked", "LockCounter.java:31")),
                SampleExpectation.of("counter", "try-lock-result-ignored")
                        .fails("counter.try-increment-never-waits", Feedback.text("counter.try-increment-never-waits.value", 0, 1))
                        .fails("counter.try-increment-counts-successes", "Under contention, tryIncrement() returned true")
                        .mayAlsoFail("counter.no-lost-updates"),
                SampleExpectation.of("counter", "swallows-exception")
                        .fails("counter.exception-propagates", Feedback.text("counter.exception-propagates.swallowed", 1)),
                SampleExpectation.of("counter", "static-lock")
                        .fails("counter.lock-per-instance", Feedback.text("counter.lock-per-instance.shared")),
                SampleExpectation.of("counter", "synchronized-methods")
                        .fails("counter.try-increment-never-waits", Feedback.text("counter.try-increment-never-waits.waited", 1000))
                        .fails("counter.uses-lock", Feedback.text("counter.uses-lock.none", "LockCounter"))
                        .fails("counter.no-synchronized-or-atomics", Feedback.text("counter.no-synchronized-or-atomics.synchronized")),
                SampleExpectation.of("counter", "atomic-value")
                        .fails("counter.no-synchronized-or-atomics", Feedback.text("counter.no-synchronized-or-atomics.atomics")),
                SampleExpectation.of("counter", "spinning-increment")
                        .fails("counter.no-busy-wait", "A thread waiting in increment() for a lock held by another thread used"),
                SampleExpectation.of("counter", "get-leaks-lock")
                        .fails("counter.lock-released", Feedback.text("counter.lock-released.held", "get()", 2000)),
                SampleExpectation.of("counter", "two-locks-deadlock")
                        .fails("counter.lock-order", Feedback.text("counter.lock-order.deadlock", "increment()", "update(f)"))
                        .mayAlsoFail("counter.no-lost-updates", "counter.try-increment-counts-successes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }

    @Test
    @DisplayName("a lock-order deadlock is reported with the cycle and the submission's frames")
    void deadlockIsExplained() {
        AssignmentResult result = KitGrading.grade(KitGrading.sample("counter", "two-locks-deadlock"), "counter");
        CheckResult lockOrder = result.check("counter.lock-order");
        assertThat(lockOrder.message())
                .contains("Deadlock: the JVM found a cycle of 2 threads, each waiting for a lock another one holds:")
                .contains("at lab.counter.LockCounter.update(LockCounter.java:")
                .contains("at lab.counter.LockCounter.increment(LockCounter.java:");
    }

}
