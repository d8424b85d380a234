/**
 * The public API of labkit: what an instructor uses to write a grading suite.
 *
 * <p>A suite is a JUnit 5 class annotated {@link labkit.api.GradedLab}; each graded method is
 * annotated {@link labkit.api.Check}. The suite talks to the submission through
 * {@link labkit.api.Submission}, starts the threads of a scenario with {@link labkit.api.Call}
 * and {@link labkit.api.Stress}, inspects them with {@link labkit.api.Threads}, and fails with
 * {@link labkit.api.Feedback}. Everything under {@code labkit.engine} is internal.
 */
package labkit.api;
