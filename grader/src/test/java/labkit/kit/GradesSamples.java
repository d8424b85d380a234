package labkit.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Marks a test class whose tests each grade a sample submission: they run side by side (up to the
 * parallelism in {@code junit-platform.properties}), because a grading spends most of its time
 * waiting for the student's JVM (a deadline under test, a stall window), not on a core. Every such
 * test grades into its own work folder, so nothing is shared between them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface GradesSamples {}
