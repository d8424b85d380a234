package labkit.suites.buffer;

import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Threads;

/**
 * How a waiting thread spends its time: parked on a synchronizer (right), spinning (CPU time
 * grows) or sleeping and retrying (asleep, not parked). And whether a thread sleeps while it
 * holds the student's lock, which stalls every other producer and consumer meanwhile.
 */
final class Waiting {

    /** How often a waiter's state is sampled while it is watched. */
    private static final long SAMPLE_MS = 10;
    /** A thread asleep, with the lock held, for this long without a break is sleeping on purpose. */
    private static final long ASLEEP_NANOS = 3_000_000;

    private Waiting() {}

    /**
     * What a waiter did for {@code windowMs}: its CPU time, and how many of the samples found it
     * asleep (timed-waiting but not on a synchronizer: Thread.sleep in a retry loop). A thread in
     * Object.wait() is not asleep here; no-monitors is the verdict on that.
     */
    record Watch(long cpuMillis, int asleepSamples, int samples) {
        boolean mostlyAsleep() {
            return asleepSamples * 2 > samples;
        }
    }

    static Watch watch(Call<?> waiter, long windowMs) {
        long cpuBefore = waiter.cpuMillis();
        int asleep = 0;
        int samples = 0;
        long end = System.nanoTime() + windowMs * 1_000_000;
        while (System.nanoTime() < end && !waiter.isDone()) {
            samples++;
            asleep += isAsleep(waiter.thread()) ? 1 : 0;
            Threads.sleep(SAMPLE_MS);
        }
        long cpuAfter = waiter.cpuMillis();
        return new Watch(cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, asleep, samples);
    }

    /** In Thread.sleep (or a timed Object.wait): timed-waiting with no synchronizer as blocker. */
    private static boolean isAsleep(Thread thread) {
        return thread.getState() == Thread.State.TIMED_WAITING && LockSupport.getBlocker(thread) == null;
    }

    /**
     * Watches {@code call} until it ends: whether its thread was seen asleep (timed-waiting, not on
     * a synchronizer) for {@link #ASLEEP_NANOS} in a row while one of {@code locks} was held. The
     * check thread only ever tries the locks without waiting, and gives them back at once.
     */
    static boolean sleptHoldingLock(Call<?> call, List<Lock> locks) {
        long asleepSince = -1;
        long deadline = System.nanoTime() + Tolerances.BOUND.toNanos();
        while (!call.isDone() && System.nanoTime() < deadline) {
            boolean asleep = isAsleep(call.thread()) && anyHeld(locks);
            long now = System.nanoTime();
            if (!asleep) {
                asleepSince = -1;
            } else if (asleepSince < 0) {
                asleepSince = now;
            } else if (now - asleepSince >= ASLEEP_NANOS) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private static boolean anyHeld(List<Lock> locks) {
        for (Lock lock : locks) {
            if (!lock.tryLock()) {
                return true;
            }
            lock.unlock();
        }
        return false;
    }
}
