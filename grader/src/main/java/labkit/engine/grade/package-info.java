/**
 * Internal: the grading process. It finds the suites, compiles each lab of a submission on its
 * own, refuses code that uses APIs off the labs' allowlist ({@code labkit.engine.scan}), runs
 * each lab's suite in a forked JVM under a hard deadline, and turns what comes back into the
 * report. It never loads or runs a class of the submission itself.
 */
package labkit.engine.grade;
