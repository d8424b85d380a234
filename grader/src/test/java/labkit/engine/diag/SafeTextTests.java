package labkit.engine.diag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Student exceptions may lie, loop or explode when asked to describe themselves. */
@Timeout(10)
class SafeTextTests {

    static final class LoopingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            while (true) {
                Thread.onSpinWait();
            }
        }
    }

    static final class ThrowingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("no");
        }
    }

    static final class HugeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HugeException() {
            super("y".repeat(1_000_000));
        }
    }

    @Test
    void aMessageThatNeverReturnsIsReportedAsSuch() {
        assertThat(SafeText.describe(new LoopingException()))
                .isEqualTo(LoopingException.class.getName() + ": (" + LoopingException.class.getName()
                        + "'s getMessage() did not return within 500 ms)");
    }

    @Test
    void aMessageThatThrowsIsReportedAsSuch() {
        assertThat(SafeText.describe(new ThrowingException()))
                .isEqualTo(ThrowingException.class.getName() + ": (" + ThrowingException.class.getName()
                        + "'s getMessage() threw java.lang.IllegalStateException)");
    }

    @Test
    void aHugeMessageIsClipped() {
        assertThat(SafeText.describe(new HugeException())).hasSizeLessThan(600).contains("(999600 more characters)");
    }
}
