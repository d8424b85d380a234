package labkit.suites.buffer;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grades the grader of lab 3: the reference and the correct-but-unusual samples pass every check,
 * the skeleton scores 0, and each known bug fails exactly its checks with the expected message.
 */
@DisplayName("buffer suite")
@GradesSamples
class BufferSuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.reference(), "buffer"));
    }

    @ParameterizedTest(name = "correct but unusual: {0} scores full marks")
    @ValueSource(strings = {"one-condition-signal-all", "fair-lock-array-deque", "two-lock-queue", "signal-in-own-section", "volatile-size"})
    void unusualButCorrectScoresFullMarks(String variant) {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.sample("buffer", variant), "buffer"));
    }

    @Test
    @DisplayName("the skeleton scores 0 without hanging: every check an error or a failure, none timed out")
    void skeletonScoresZero() {
        AssignmentResult result = KitGrading.grade(KitGrading.root().resolve("assignments/template"), "buffer");
        assertThat(result.score()).isZero();
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.status()).isIn("error", "failed"));
        assertThat(result.check("buffer.fifo").message())
                .startsWith("Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: put(item)");
    }

    static Stream<SampleExpectation> buggySamples() {
        return Stream.of(
                SampleExpectation.of("buffer", "if-not-while")
                        .fails("buffer.if-instead-of-while", Feedback.text("buffer.if-instead-of-while.take-returned", null, "p0#0"))
                        .mayAlsoFail("buffer.conservation"),
                SampleExpectation.of("buffer", "one-condition-signal")
                        .fails("buffer.lost-wakeup", Feedback.text("buffer.lost-wakeup.stuck", "consumer-2, producer-2", 0))
                        .mayAlsoFail("buffer.conservation"),
                SampleExpectation.of("buffer", "if-and-one-condition-signal")
                        .fails("buffer.if-instead-of-while", Feedback.text("buffer.if-instead-of-while.take-returned", null, "p0#0"))
                        .fails("buffer.lost-wakeup", Feedback.text("buffer.lost-wakeup.masked", "consumer-2", "null"))
                        .mayAlsoFail("buffer.conservation"),
                SampleExpectation.of("buffer", "mutation-after-unlock")
                        .fails("buffer.state-under-lock", KitGrading.messageStart("buffer.state-under-lock.changed-after"))
                        .mayAlsoFail("buffer.conservation", "buffer.capacity", "buffer.waits-and-wakes", "buffer.fifo",
                                "buffer.interrupts", "buffer.timeouts", "buffer.if-instead-of-while"),
                SampleExpectation.of("buffer", "read-after-unlock")
                        .fails("buffer.state-under-lock", Feedback.text("buffer.state-under-lock.disturbed", "take()",
                                "offer(p1#5, 0 s), which returned true", "[p1#4, p1#5]", "[p1#5, p1#5]"))
                        .mayAlsoFail("buffer.conservation", "buffer.capacity", "buffer.waits-and-wakes", "buffer.fifo"),
                SampleExpectation.of("buffer", "size-without-lock")
                        .fails("buffer.state-under-lock", Feedback.text("buffer.state-under-lock.plain-read", "size()", "count",
                                "ConditionBuffer.java:94")),
                SampleExpectation.of("buffer", "missing-signal")
                        .fails("buffer.waits-and-wakes", Feedback.text("buffer.waits-and-wakes.put-not-woken", "poll(0 s)", 2000))
                        .mayAlsoFail("buffer.conservation"),
                SampleExpectation.of("buffer", "off-by-one-capacity")
                        .fails("buffer.capacity", KitGrading.messageStart("buffer.capacity.overfilled"))
                        .fails("buffer.waits-and-wakes", Feedback.text("buffer.waits-and-wakes.put-returned", 2))
                        .fails("buffer.timeouts", Feedback.text("buffer.timeouts.wrong-result", "offer(item, 0 s) on a full buffer", false, true))
                        .mayAlsoFail("buffer.conservation"),
                SampleExpectation.of("buffer", "lifo")
                        .fails("buffer.fifo", KitGrading.messageStart("buffer.fifo.order"))
                        .fails("buffer.capacity", KitGrading.messageStart("buffer.capacity.head"))
                        .fails("buffer.conservation", KitGrading.messageStart("buffer.conservation.order")),
                SampleExpectation.of("buffer", "timeout-overflows")
                        .fails("buffer.timeouts", Feedback.text("buffer.timeouts.huge-threw", "poll(1000 years)",
                                "java.lang.ArithmeticException")),
                SampleExpectation.of("buffer", "poll-restarts-timeout")
                        .fails("buffer.timeout-deadline", KitGrading.messageStart("buffer.timeout-deadline.late", "poll(400 ms)")),
                SampleExpectation.of("buffer", "poll-gives-up-early")
                        .fails("buffer.timeout-deadline", KitGrading.messageStart("buffer.timeout-deadline.early", "poll(400 ms)")),
                SampleExpectation.of("buffer", "swallowed-interrupt")
                        .fails("buffer.interrupts", Feedback.text("buffer.interrupts.swallowed", "take()", 1000)),
                SampleExpectation.of("buffer", "interrupt-keeps-lock")
                        .fails("buffer.interrupts", Feedback.text("buffer.interrupts.lock-kept", "take()")),
                SampleExpectation.of("buffer", "interrupt-returns")
                        .fails("buffer.interrupts", Feedback.text("buffer.interrupts.returned", "take()", null)),
                SampleExpectation.of("buffer", "busy-wait")
                        .fails("buffer.no-busy-wait", KitGrading.messageStart("buffer.no-busy-wait.spinning", "take()"))
                        .mayAlsoFail("buffer.conservation"),
                SampleExpectation.of("buffer", "sleep-holding-lock")
                        .fails("buffer.no-sleep-holding-lock", Feedback.text("buffer.no-sleep-holding-lock.slept", "put(item)"))
                        .mayAlsoFail("buffer.conservation"),
                SampleExpectation.of("buffer", "null-accepted")
                        .fails("buffer.bad-arguments", Feedback.text("buffer.bad-arguments.null-accepted", "put(null)", 2)),
                SampleExpectation.of("buffer", "synchronized-wait-notify")
                        .fails("buffer.uses-lock-and-conditions", Feedback.text("buffer.uses-lock-and-conditions.no-lock", "ConditionBuffer"))
                        .fails("buffer.no-monitors", Feedback.text("buffer.no-monitors.synchronized")),
                SampleExpectation.of("buffer", "sleep-in-synchronized")
                        .fails("buffer.uses-lock-and-conditions", Feedback.text("buffer.uses-lock-and-conditions.no-lock", "ConditionBuffer"))
                        .fails("buffer.no-monitors", Feedback.text("buffer.no-monitors.synchronized"))
                        .fails("buffer.no-sleep-holding-lock", KitGrading.messageStart("buffer.no-sleep-holding-lock.slept-holding", "put(item)")
                                + KitGrading.messageStart("engine.held.monitor", (Object) null) + "ConditionBuffer@")
                        .mayAlsoFail("buffer.conservation"),
                // Items lost by offer: the consumers wait for good, a deadlock found in the 3 s quiet window, not after the bound.
                SampleExpectation.of("buffer", "offer-true-on-timeout")
                        .fails("buffer.timeouts", Feedback.text("buffer.timeouts.wrong-result", "offer(item, 0 s) on a full buffer", false, true))
                        .fails("buffer.conservation", KitGrading.messageStart("buffer.conservation.stuck", 1, 4, 4, null))
                        .messageContains("buffer.conservation", KitGrading.messageStart("buffer.conservation.stuck.lost", null))
                        .reportedAs("buffer.conservation", "deadlock"),
                SampleExpectation.of("buffer", "semaphore-slots")
                        .fails("buffer.uses-lock-and-conditions", Feedback.text("buffer.uses-lock-and-conditions.no-condition", "ConditionBuffer"))
                        .fails("buffer.no-ready-made-queue", Feedback.text("buffer.no-ready-made-queue.used")),
                SampleExpectation.of("buffer", "array-blocking-queue-inside")
                        .fails("buffer.uses-lock-and-conditions", Feedback.text("buffer.uses-lock-and-conditions.no-lock", "ConditionBuffer"))
                        .fails("buffer.no-ready-made-queue", Feedback.text("buffer.no-ready-made-queue.used")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }

    @Test
    @DisplayName("a lost wake-up is reported with the threads parked in the submission's take() and put()")
    void lostWakeupIsExplained() {
        AssignmentResult result = KitGrading.grade(KitGrading.sample("buffer", "one-condition-signal"), "buffer");
        assertThat(result.check("buffer.lost-wakeup").message())
                .contains("\"grader-consumer-2\" WAITING")
                .contains("\"grader-producer-2\" WAITING")
                .contains("lab.buffer.ConditionBuffer.take(ConditionBuffer.java:")
                .contains("lab.buffer.ConditionBuffer.put(ConditionBuffer.java:");
    }
}
