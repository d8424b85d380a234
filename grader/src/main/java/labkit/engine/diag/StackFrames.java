package labkit.engine.diag;

/** Picks the frames of a stack trace that belong to the submission (packages {@code lab.*}). */
public final class StackFrames {

    /** Frames shown when a thread has none of the submission's. */
    static final int CONTEXT_FRAMES = 3;

    private StackFrames() {}

    /** Whether {@code frame} is the submission's code. */
    public static boolean isSubmission(StackTraceElement frame) {
        return frame.getClassName().startsWith("lab.");
    }

    /** Appends each submission frame of {@code trace}, each preceded by {@code prefix}. */
    public static int appendSubmissionFrames(StringBuilder out, StackTraceElement[] trace, String prefix) {
        int shown = 0;
        for (StackTraceElement frame : trace) {
            if (isSubmission(frame)) {
                out.append(prefix).append(frame);
                shown++;
            }
        }
        return shown;
    }

    /** The first submission frame of {@code trace}, e.g. {@code LockCounter.increment(LockCounter.java:14)}, or null. */
    public static String firstSubmissionFrame(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            if (isSubmission(frame)) {
                return frame.toString();
            }
        }
        return null;
    }
}
