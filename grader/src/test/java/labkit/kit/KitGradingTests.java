package labkit.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;
import labkit.engine.text.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kit's own test helpers refuse a grade that holds a kit error. */
@DisplayName("kit grading helpers")
class KitGradingTests {

    private static AssignmentResult gradedWith(String status, String message) {
        CheckResult check = new CheckResult("buffer.fifo", "correctness", status, 0, 1, message, null, 5, "FIFO");
        return new AssignmentResult("buffer", "graded", 0, 1, null, List.of(check));
    }

    @Test
    @DisplayName("a check that failed because of a bug in the kit fails the kit's own test")
    void kitErrorFailsTheKitsTest() {
        AssignmentResult result = gradedWith("error", Messages.format("engine.check.kit-error", "buffer.fifo", "java.lang.NullPointerException"));
        assertThatThrownBy(() -> KitGrading.expectNoKitError(result))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a bug in the kit itself");
    }

    @Test
    @DisplayName("the student's code throwing is a verdict, not a kit error")
    void studentErrorIsAccepted() {
        AssignmentResult result = gradedWith("error", Messages.format("engine.check.student-threw", "java.util.NoSuchElementException"));
        assertThatCode(() -> KitGrading.expectNoKitError(result)).doesNotThrowAnyException();
    }
}
