package labkit.suites.latch;

import java.util.stream.Stream;
import labkit.api.Feedback;
import labkit.kit.GradesSamples;
import labkit.kit.KitGrading;
import labkit.kit.SampleExpectation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grades the grader of the latch lab: the reference and a correct but unusual design pass every check, the skeleton scores 0, each known bug fails exactly its checks. */
@DisplayName("latch suite")
@GradesSamples
class LatchSuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.reference(), "latch"));
    }

    @ParameterizedTest(name = "correct but unusual: {0} scores full marks")
    @ValueSource(strings = {"read-write-lock"})
    void unusualButCorrectScoresFullMarks(String variant) {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.sample("latch", variant), "latch"));
    }

    @Test
    @DisplayName("the skeleton scores 0 without hanging, every check an error that names the TODO")
    void skeletonScoresZero() {
        KitGrading.expectSkeletonScoresZero("latch", "latch.sequential",
                "Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: isSet()");
    }

    /** One entry per folder under grader/src/test/submissions/latch/: exactly the checks it fails, and how their messages start. */
    static Stream<SampleExpectation> buggySamples() {
        return Stream.of(
                SampleExpectation.of("latch", "clear-forgets-flag")
                        .fails("latch.sequential", Feedback.text("latch.sequential.flag", "set() then clear()", false, true))
                        .fails("latch.clear-then-await-blocks", Feedback.text("latch.returned-while-clear", "await() after set() and clear()"))
                        .fails("latch.timed-await-returns-when-set", Feedback.text("latch.returned-while-clear", "await(1000 years)")),
                SampleExpectation.of("latch", "no-state-check")
                        .fails("latch.returns-when-set", Feedback.text("latch.waited-while-set", "await()", 1000))
                        .fails("latch.woken-while-clear-waits-again", Feedback.text("latch.woken-while-clear-waits-again.returned"))
                        .fails("latch.no-lost-wakeup", Feedback.text("latch.no-lost-wakeup.stuck", "late-waiter", 2000)),
                SampleExpectation.of("latch", "if-not-while")
                        .fails("latch.woken-while-clear-waits-again", Feedback.text("latch.woken-while-clear-waits-again.returned"))
                        .fails("latch.timed-await-keeps-deadline", KitGrading.messageStart("latch.timed-await.early", "await(400 ms)", null)),
                SampleExpectation.of("latch", "signal-not-signal-all")
                        .fails("latch.set-wakes-every-waiter", Feedback.text("latch.set-wakes-every-waiter.stuck", 2, 3, 2000)),
                SampleExpectation.of("latch", "state-checked-outside-lock")
                        .fails("latch.no-lost-wakeup", Feedback.text("latch.no-lost-wakeup.stuck", "late-waiter", 2000)),
                SampleExpectation.of("latch", "unlock-not-in-finally")
                        .fails("latch.lock-released-after-interrupt", Feedback.text("latch.lock-released-after-interrupt.held", 2000)),
                SampleExpectation.of("latch", "isset-keeps-lock")
                        .fails("latch.lock-released-after-interrupt", Feedback.text("latch.lock-released-after-interrupt.kept", "isSet()", 2000)),
                SampleExpectation.of("latch", "swallowed-interrupt")
                        .fails("latch.lock-released-after-interrupt", Feedback.text("latch.lock-released-after-interrupt.returned")),
                SampleExpectation.of("latch", "timeout-ignored")
                        .fails("latch.timed-await-times-out", Feedback.text("latch.timed-await.waited", "await(0 ms)", 1000))
                        .fails("latch.timed-await-keeps-deadline", KitGrading.messageStart("latch.timed-await.late", "await(400 ms)", null)),
                SampleExpectation.of("latch", "timeout-restarts")
                        .fails("latch.timed-await-keeps-deadline", KitGrading.messageStart("latch.timed-await.late", "await(400 ms)", null)),
                SampleExpectation.of("latch", "timeout-overflows")
                        .fails("latch.timed-await-returns-when-set",
                                "Your code threw where the contract does not allow it: java.lang.ArithmeticException"),
                SampleExpectation.of("latch", "busy-wait")
                        .fails("latch.no-busy-wait", KitGrading.messageStart("latch.no-busy-wait.spinning", "await()", null)),
                SampleExpectation.of("latch", "synchronized-wait-notify")
                        .fails("latch.uses-lock-and-condition", Feedback.text("latch.uses-lock-and-condition.missing", "LockEvent",
                                "java.util.concurrent.locks.Lock"))
                        .fails("latch.no-synchronized-or-latches", Feedback.text("latch.no-synchronized-or-latches.synchronized")),
                SampleExpectation.of("latch", "count-down-latch")
                        .fails("latch.uses-lock-and-condition", Feedback.text("latch.uses-lock-and-condition.missing", "LockEvent",
                                "java.util.concurrent.locks.Lock"))
                        .fails("latch.no-synchronized-or-latches", Feedback.text("latch.no-synchronized-or-latches.ready-made")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }
}
