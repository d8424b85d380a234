package labkit.engine.grade;

import labkit.engine.report.AssignmentResult;

/**
 * Told as grading goes, so that a console can show a line while a lab runs (grading a lab can take
 * half a minute, or minutes when the code hangs). Called on the grading thread; every method does
 * nothing unless overridden.
 */
public interface GradeProgress {

    /** No progress shown. */
    GradeProgress NONE = new GradeProgress() {};

    /** Before the first lab: how many labs and checks the run will grade. */
    default void planned(int labs, int checks) {}

    /** A lab starts: its id and how many of its checks run. */
    default void labStarted(String lab, int checks) {}

    /** A lab is done (graded, missing or not compiled). */
    default void labEnded(AssignmentResult result) {}
}
