package labkit.api;

import java.util.List;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;
import labkit.engine.diag.ThreadDiagnostics;

/** What a check can ask about a thread, deterministically, without timing it. */
public final class Threads {

    private Threads() {}

    /**
     * Whether {@code thread} is parked on a {@code java.util.concurrent} synchronizer: a lock, a
     * condition, a semaphore, a latch. Told by {@link LockSupport#getBlocker}, not by the thread's
     * state, which class loading and JIT also make briefly WAITING.
     */
    public static boolean isParkedOnSynchronizer(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        if (blocker == null) {
            return false;
        }
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        return blocker instanceof AbstractQueuedSynchronizer
                || blocker instanceof AbstractQueuedLongSynchronizer
                || blocker instanceof AbstractQueuedSynchronizer.ConditionObject
                || blocker instanceof AbstractQueuedLongSynchronizer.ConditionObject;
    }

    /** CPU time {@code thread} has used, in nanoseconds; -1 when the JVM cannot tell. */
    public static long cpuTimeNanos(Thread thread) {
        return ThreadDiagnostics.cpuTimeNanos(thread);
    }

    /**
     * How long the calling thread has spent waiting so far, in milliseconds: asleep, parked on a
     * lock or Condition, or in Object.wait. -1 when the JVM cannot tell.
     */
    public static long waitedMillis() {
        return ThreadDiagnostics.waitedMillisOfCurrentThread();
    }

    /**
     * The locks {@code thread} holds at this instant while asleep (Thread.sleep, TimeUnit.sleep,
     * LockSupport.parkNanos without a blocker), monitors of {@code synchronized} and
     * {@code java.util.concurrent} locks alike, named for a message; empty when it is not asleep
     * or holds none. Waiting in Object.wait or Condition.await is not sleep: it gives the lock back.
     */
    public static List<String> locksHeldAsleep(Thread thread) {
        return ThreadDiagnostics.locksHeldAsleep(thread);
    }

    /** What every stuck thread is doing, with the submission's frames and any lock cycle, for a message's details. */
    public static String report() {
        return ThreadDiagnostics.report();
    }

    /** A short pause between two looks at another thread (1 ms). */
    public static void pause() {
        LockSupport.parkNanos(1_000_000);
    }

    /** Sleeps {@code millis}; an interrupt ends the sleep early and is kept. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
