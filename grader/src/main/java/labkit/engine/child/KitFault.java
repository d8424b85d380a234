package labkit.engine.child;

import labkit.engine.diag.SafeText;

/**
 * Tells a bug in the kit's own check from the submission's: a throwable whose origin is the kit's
 * code is the grader failing, not the student's code throwing. The origin is the deepest cause
 * that says where it was made: its first frame in {@code labkit.} or {@code lab.} (JDK and library
 * frames above it, such as {@code ArrayList.get}, are only where it surfaced).
 */
final class KitFault {

    /** A cause chain longer than this is a cycle or hostile; its origin is not trusted. */
    private static final int MAX_CAUSES = 16;
    private static final int FRAMES_SHOWN = 5;

    private KitFault() {}

    /** Whether {@code thrown} was made by the kit's code rather than the submission's. */
    static boolean isKitFault(Throwable thrown) {
        return "labkit.".equals(origin(thrown));
    }

    /** {@code Type: message} and the kit's frames where it failed, for the instructor. */
    static String describe(Throwable thrown) {
        StringBuilder out = new StringBuilder(thrown.getClass().getName());
        if (thrown.getMessage() != null) {
            out.append(": ").append(SafeText.clip(thrown.getMessage()));
        }
        int shown = 0;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith("labkit.") && shown++ < FRAMES_SHOWN) {
                out.append("\n    at ").append(frame);
            }
        }
        return out.toString();
    }

    /** {@code "labkit."} or {@code "lab."}: where the deepest telling throwable of the chain was made; null if none tells. */
    private static String origin(Throwable thrown) {
        String origin = null;
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++) {
            if (isSubmissionType(t)) {
                // The student's own type: its methods may be overridden, so they are not asked.
                return "lab.";
            }
            String made = madeIn(t.getStackTrace());
            origin = made != null ? made : origin;
            t = t.getCause() == t ? null : t.getCause();
        }
        return t == null ? origin : null;
    }

    private static boolean isSubmissionType(Throwable t) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().startsWith("lab.")) {
                return true;
            }
        }
        return false;
    }

    private static String madeIn(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("lab.")) {
                return "lab.";
            }
            if (frame.getClassName().startsWith("labkit.")) {
                return "labkit.";
            }
        }
        return null;
    }
}
