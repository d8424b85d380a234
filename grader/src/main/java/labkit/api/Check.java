package labkit.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/**
 * One graded check of a {@link GradedLab} suite: a JUnit test with an id, points and a category.
 *
 * <p>The check passes when the method returns, fails when it throws an {@link AssertionError}
 * (normally made by {@link Feedback}), is {@code timed_out} when it runs past
 * {@link #timeoutSeconds()}, and is an {@code error} when the student's code throws where the
 * contract does not allow it.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
public @interface Check {

    /** The check's id inside its lab, lower-case words joined by hyphens: {@code mutual-exclusion}. */
    String id();

    /** The points the check is worth; more than zero. */
    double points();

    /** What the check is about. */
    Category category();

    /** One line, in the student's terms, of what the check expects. */
    String description();

    /**
     * The hard bound on the whole check. Bounds inside a check are progress-based and much
     * shorter; this one only stops a submission that never returns.
     */
    int timeoutSeconds() default 20;

    /**
     * Who sees the check: {@link Visibility#VISIBLE} unless a course keeps it for after the due
     * date or for the instructor alone.
     */
    Visibility visibility() default Visibility.VISIBLE;
}
