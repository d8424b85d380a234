package labkit.suites.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import labkit.api.Feedback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hint of a stalled conservation run follows what was seen, not the most common cause. */
@DisplayName("conservation's stall hint")
class ConservationTests {

    private static final String GRADER_RETRYING = "  grader-consumer-1 runnable\n  grader-producer-0 waiting in lab.buffer.ConditionBuffer.put(ConditionBuffer.java:40)";

    @Test
    @DisplayName("a count out of range is named, and the grader's own retrying threads are not called a busy loop")
    void countOutOfRange() {
        String hint = Conservation.stallHint(GRADER_RETRYING, -1, 2);
        assertThat(hint).isEqualTo(Feedback.text("buffer.conservation.stalled.count", -1, 2)).doesNotContain("busy loop");
    }

    @Test
    @DisplayName("only the grader's threads running, the count in range: a wake-up went wrong")
    void graderThreadsRunning() {
        assertThat(Conservation.stallHint(GRADER_RETRYING, 1, 2)).isEqualTo(Feedback.text("buffer.conservation.stalled.parked"));
    }

    @Test
    @DisplayName("a thread running inside the submission's code is a busy loop")
    void studentThreadRunning() {
        String summary = "  grader-consumer-1 runnable in lab.buffer.ConditionBuffer.take(ConditionBuffer.java:52)";
        assertThat(Conservation.stallHint(summary, 0, 2)).isEqualTo(Feedback.text("buffer.conservation.stalled.running"));
    }
}
