/**
 * Internal: runs a lab's suite inside the current JVM against the student class on the class
 * path, for the kit's mutation testing of its reference solutions ({@code mvn -Pmutation}, see
 * {@code docs/mutation.md}). Never used to grade a student: that is always a forked JVM.
 */
package labkit.engine.mutation;
