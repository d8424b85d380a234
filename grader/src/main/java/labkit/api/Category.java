package labkit.api;

import java.util.Locale;

/** The four things every lab's grader checks. */
public enum Category {
    /** Results are right, under stress and in forced schedules. */
    CORRECTNESS,
    /** A stuck run is cut off and explained. */
    DEADLOCK,
    /** Blocking, timeouts, parallelism, no busy-waiting. */
    TIMING,
    /** The lab's required tools are used and forbidden shortcuts are not. */
    STRUCTURE;

    /** The name used in {@code grade.json}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
