package labkit.engine.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.CheckFailure;
import labkit.api.Feedback;
import labkit.api.GraderException;
import labkit.engine.text.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who is blamed for a throwable that ends a check: the submission, or the kit's own check. */
@DisplayName("a check's verdict for what it threw")
class VerdictTests {

    private static final StackTraceElement JDK = new StackTraceElement("java.util.ArrayList", "remove", "ArrayList.java", 504);
    private static final StackTraceElement STUDENT = new StackTraceElement("lab.buffer.ConditionBuffer", "take", "ConditionBuffer.java", 31);
    private static final StackTraceElement SUITE = new StackTraceElement("labkit.suites.buffer.BufferSuite", "fifo", "BufferSuite.java", 90);

    private static Map<String, Object> verdictFor(Throwable thrown) throws ClassNotFoundException {
        // Any real check's annotation will do: the verdict reads only its bound.
        Check check = Arrays.stream(Class.forName("labkit.suites.buffer.BufferSuite").getDeclaredMethods())
                .map(m -> m.getAnnotation(Check.class)).filter(Objects::nonNull).findFirst().orElseThrow();
        return GradingExtension.verdict("buffer.fifo", check, new Watchdog.Ending(thrown, null, 5));
    }

    private static <T extends Throwable> T madeAt(T thrown, StackTraceElement... frames) {
        thrown.setStackTrace(frames);
        return thrown;
    }

    @Test
    @DisplayName("a JDK exception raised by the kit's own code is a kit error: the grader failed, what to send the instructor")
    void kitBugIsAKitError() throws Exception {
        Map<String, Object> verdict = verdictFor(madeAt(new NullPointerException("list is null"), JDK, SUITE));
        assertThat(verdict.get("status")).isEqualTo("error");
        assertThat((String) verdict.get("message"))
                .startsWith(Messages.format("engine.check.kit-error", "buffer.fifo", "java.lang.NullPointerException: list is null"))
                .contains("at labkit.suites.buffer.BufferSuite.fifo(BufferSuite.java:90)");
    }

    @Test
    @DisplayName("a JDK exception raised inside the submission's code stays the student's")
    void studentExceptionIsTheStudents() throws Exception {
        Map<String, Object> verdict = verdictFor(madeAt(new NoSuchElementException(), JDK, STUDENT, SUITE));
        assertThat(verdict.get("status")).isEqualTo("error");
        assertThat((String) verdict.get("message")).startsWith(Messages.format("engine.check.student-threw", "java.util.NoSuchElementException"));
    }

    @Test
    @DisplayName("the student's exception wrapped by the kit (a checked one rethrown) stays the student's")
    void wrappedStudentExceptionIsTheStudents() throws Exception {
        Throwable cause = madeAt(new InterruptedException(), STUDENT);
        Map<String, Object> verdict = verdictFor(madeAt(new IllegalStateException(cause), SUITE));
        assertThat((String) verdict.get("message")).startsWith(Messages.format("engine.check.student-threw", "java.lang.IllegalStateException"));
    }

    @Test
    @DisplayName("the grader's trace-less exception wrapped by the student is the student's")
    void graderExceptionWrappedByStudentIsTheStudents() throws Exception {
        Map<String, Object> verdict = verdictFor(madeAt(new RuntimeException(new GraderException()), STUDENT, SUITE));
        assertThat((String) verdict.get("message")).startsWith(Messages.format("engine.check.student-threw", "java.lang.RuntimeException"));
    }

    @Test
    @DisplayName("a failure that names a category of its own (a scenario that hung) is reported in it; others keep the check's")
    void failureInItsOwnCategory() throws Exception {
        CheckFailure plain = Feedback.failure("buffer.conservation.stuck.lock");
        assertThat(verdictFor(plain)).doesNotContainKey("category");
        Map<String, Object> verdict = verdictFor(plain.inCategory(Category.DEADLOCK).withDetails("threads"));
        assertThat(verdict).containsEntry("status", "failed").containsEntry("category", "deadlock").containsEntry("details", "threads");
    }
}
