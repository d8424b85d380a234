package labkit.suites.latch;

import java.util.stream.Stream;
import labkit.api.Feedback;
import labkit.kit.KitGrading;
import labkit.kit.SampleExpectation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Grades the grader of the latch lab: the reference passes every check, the skeleton scores 0, each known bug fails exactly its checks. */
@DisplayName("latch suite")
class LatchSuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.reference(), "latch"));
    }

    @Test
    @DisplayName("the skeleton scores 0 without hanging, every check an error that names the TODO")
    void skeletonScoresZero() {
        KitGrading.expectSkeletonScoresZero("latch", "latch.sequential",
                "Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: steps()");
    }

    /** One entry per folder under grader/src/test/submissions/latch/: exactly the checks it fails, and how their messages start. */
    static Stream<SampleExpectation> buggySamples() {
        return Stream.of(
                SampleExpectation.of("latch", "lock-never-released")
                        .fails("latch.lock-released", Feedback.text("latch.lock-released.held", 2000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }
}
