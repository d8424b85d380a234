/**
 * Internal: what runs inside the forked JVM that holds the student's code. The JUnit extension
 * that turns {@code @Check} methods into graded results, the per-check watchdog, and the event
 * log through which results reach the grading process.
 */
package labkit.engine.child;
