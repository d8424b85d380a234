package labkit.engine.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import labkit.engine.text.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("a lab's suite run in this JVM, for mutation testing of the references")
class InProcessSuiteTests {

    @Test
    @Timeout(300)
    @DisplayName("takes the student class from the class path: the kit's own has no LockCounter, so the first check says it is missing")
    void studentClassFromTheClassPath() {
        // The grader's test class path never holds a reference; the mutation module's does (docs/mutation.md).
        assertThat(InProcessSuite.firstFailure("counter", 1))
                .hasValueSatisfying(failure -> {
                    assertThat(failure.checkId()).startsWith("counter.");
                    assertThat(failure.message()).isEqualTo(
                            Messages.format("engine.submission.class-missing", "lab.counter.LockCounter"));
                });
    }

    @Test
    @DisplayName("an unknown lab is the caller's mistake")
    void unknownLab() {
        assertThatThrownBy(() -> InProcessSuite.firstFailure("no-such-lab", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-lab");
    }
}
