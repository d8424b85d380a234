package labkit.engine.grade;

import labkit.engine.report.AssignmentResult;

/**
 * Told as grading goes, so that a console can show a line while a lab runs (grading a lab can take
 * half a minute, or minutes when the code hangs). Labs are graded side by side, so the calls come
 * from several threads, though never two at once (see {@link #synchronizedOn}); every method does
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

    /** {@code progress}, told by one thread at a time: labs graded side by side end in any order. */
    static GradeProgress synchronizedOn(GradeProgress progress) {
        return new GradeProgress() {
            @Override
            public synchronized void planned(int labs, int checks) {
                progress.planned(labs, checks);
            }

            @Override
            public synchronized void labStarted(String lab, int checks) {
                progress.labStarted(lab, checks);
            }

            @Override
            public synchronized void labEnded(AssignmentResult result) {
                progress.labEnded(result);
            }
        };
    }
}
