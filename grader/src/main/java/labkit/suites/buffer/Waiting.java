package labkit.suites.buffer;

import java.util.concurrent.locks.LockSupport;
import labkit.api.Call;
import labkit.api.Threads;

/**
 * How a waiting thread spends its time: parked on a synchronizer (right), spinning (CPU time
 * grows) or sleeping and retrying (asleep, not parked). Whether a thread sleeps while it holds a
 * lock is {@link Call#locksHeldAsleep}'s to say, for every lab.
 */
final class Waiting {

    /** How often a waiter's state is sampled while it is watched. */
    private static final long SAMPLE_MS = 10;

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
}
