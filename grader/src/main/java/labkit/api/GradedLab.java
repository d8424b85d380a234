package labkit.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import labkit.engine.child.GradingExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit class as the grading suite of one lab.
 *
 * <p>The maximum score is declared here, up front, so that a crashing submission can never
 * shrink the denominator; the kit's build fails when the {@link Check} points of the suite do
 * not add up to it.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GradingExtension.class)
public @interface GradedLab {

    /** The lab's id, as in {@code grade.json}: {@code counter}, {@code pool}, ... */
    String id();

    /** The interface the student implements; its package is the lab's package. */
    Class<?> contract();

    /** The fully qualified name of the student's class, e.g. {@code lab.counter.LockCounter}. */
    String studentClass();

    /** The lab's maximum score. */
    double points();

    /** Extra options for the JVM that runs the student's code, e.g. a pinned processor count. */
    String[] jvmArgs() default {};
}
