package labkit.api;

import java.time.Duration;

/**
 * The kit's timing tolerances, one set for every suite, each generous against the contract so
 * that a correct submission on a slow, loaded 2-core machine never fails for time.
 */
public final class Tolerances {

    /** Long enough for a thread that does not wait for anything to finish, even on a loaded machine. */
    public static final Duration SETTLE = Duration.ofSeconds(1);

    /** A thread parked this long without a break, with nobody to wake it, is stuck (deadlocked). */
    public static final Duration STUCK = Duration.ofSeconds(2);

    /** The most any single call may take once nothing stands in its way. */
    public static final Duration BOUND = Duration.ofSeconds(10);

    /**
     * How long a waiting thread is watched for busy-waiting, and the CPU time it may use meanwhile:
     * a parked thread uses next to none, a spinning one most of the window.
     */
    public static final Duration WAIT_WINDOW = Duration.ofSeconds(1);
    public static final Duration WAIT_CPU_BUDGET = Duration.ofMillis(100);

    /** A timeout of 1000 years, whose nanoseconds overflow a long: a timed wait must neither overflow its deadline nor give up. */
    public static final Duration HUGE = Duration.ofDays(365L * 1_000);

    private Tolerances() {}
}
