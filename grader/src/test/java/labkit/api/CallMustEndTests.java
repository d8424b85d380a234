package labkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one "the call must end" helper every suite uses. */
@DisplayName("Call.mustEnd")
class CallMustEndTests {

    @Test
    @DisplayName("returns the ended call, so that its result reads on")
    void returnsTheEndedCall() {
        assertThat(Call.start("quick", () -> 42).mustEnd("quick()").result()).isEqualTo(42);
    }

    @Test
    @DisplayName("fails a call that does not end within BOUND, with every thread's state, and interrupts it")
    void failsAndInterruptsACallThatNeverEnds() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Call<Void> hung = Call.run("hung", never::await);

        CheckFailure failure = catchThrowableOfType(() -> hung.mustEnd("hang()"), CheckFailure.class);

        assertThat(failure).hasMessage(Feedback.text("call.never-returned", "hang()", Tolerances.BOUND.toSeconds()))
                .hasMessageStartingWith("hang() did not return within 10 s");
        assertThat(failure.details()).contains("grader-hung");
        assertThat(hung.awaitDone(Tolerances.SETTLE)).as("interrupted, so it leaves").isTrue();
    }
}
