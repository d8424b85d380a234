package labkit.api.schedule;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import labkit.api.Call;
import labkit.api.Locks;
import labkit.api.Threads;

/**
 * The student's own locks, held by the check so that other threads can be lined up behind them in
 * a chosen order (student-bugs T1). AQS hands a released lock to the queued threads in FIFO order,
 * fair or not, so the schedule that follows is fixed rather than hoped for.
 *
 * <p>A forced schedule needs exactly one {@link ReentrantLock}; with anything else (a custom lock,
 * two locks) {@link #schedulable()} is false and checks fall back to stress, so that an unusual but
 * correct design is never failed for a schedule the grader cannot build.
 */
public final class StudentLock {

    private final List<Lock> all;
    private final ReentrantLock single;

    private StudentLock(List<Lock> all) {
        this.all = all;
        this.single = all.size() == 1 && all.get(0) instanceof ReentrantLock ? (ReentrantLock) all.get(0) : null;
    }

    /** The locks in {@code target}'s fields ({@link Locks#of}). */
    public static StudentLock of(Object target) {
        return new StudentLock(Locks.of(target));
    }

    /** Whether the object has any lock the check can hold. */
    public boolean found() {
        return !all.isEmpty();
    }

    /** Whether a FIFO hand-over schedule can be forced: one ReentrantLock guards everything. */
    public boolean schedulable() {
        return single != null;
    }

    /** Every lock found, in declaration order. */
    public List<Lock> locks() {
        return all;
    }

    /** Takes every lock of the object from the calling (check) thread, in declaration order. */
    public void holdAll() {
        all.forEach(Lock::lock);
    }

    /** Gives back what {@link #holdAll()} took. */
    public void releaseAll() {
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).unlock();
        }
    }

    /** Waits until {@code call}'s thread is queued on the single lock, or the call has ended. */
    public boolean awaitQueued(Call<?> call, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (call.isDone() || single.hasQueuedThread(call.thread())) {
                return !call.isDone();
            }
            Threads.pause();
        }
        return single.hasQueuedThread(call.thread());
    }

    /**
     * Whether the lock is free and nobody waits for it, with {@code call} parked: the schedule has
     * played out and the call is back waiting on a Condition.
     */
    public boolean settledWaiting(Call<?> call) {
        return !single.isLocked() && !single.hasQueuedThreads() && waitsOnCondition(call.thread());
    }

    /** Whether {@code thread} is parked in {@code Condition.await} (not on a lock's queue). */
    public static boolean waitsOnCondition(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        return (blocker instanceof AbstractQueuedSynchronizer.ConditionObject
                || blocker instanceof AbstractQueuedLongSynchronizer.ConditionObject)
                && Threads.isParkedOnSynchronizer(thread);
    }

    /** Waits until {@code call} waits on a Condition; false when it ended or never did within {@code bound}. */
    public static boolean awaitOnCondition(Call<?> call, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline && !call.isDone()) {
            if (waitsOnCondition(call.thread())) {
                return true;
            }
            Threads.pause();
        }
        return !call.isDone() && waitsOnCondition(call.thread());
    }
}
