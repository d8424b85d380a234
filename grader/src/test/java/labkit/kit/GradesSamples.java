package labkit.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Marks a test class whose tests each grade a sample submission: they may run side by side with
 * any other test (up to the parallelism in {@code junit-platform.properties}), so that a lab with
 * many samples does not run alone at the end of the self-test. Every such test grades into its own
 * work folder, so nothing is shared between them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
public @interface GradesSamples {}
