package labkit.api;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The student's own locks, found by reflection, so that a check can hold them and line other
 * threads up behind them in a chosen order: the schedule is then forced, not hoped for.
 */
public final class Locks {

    private Locks() {}

    /**
     * The distinct locks in {@code target}'s instance fields (a {@link ReadWriteLock} gives its write
     * lock), in declaration order, superclasses last.
     */
    public static List<Lock> of(Object target) {
        List<Lock> locks = new ArrayList<>();
        for (Field field : Fields.of(target.getClass())) {
            Object value = Fields.read(field, target);
            Lock lock = value instanceof Lock ? (Lock) value
                    : value instanceof ReadWriteLock ? ((ReadWriteLock) value).writeLock() : null;
            // The same lock in two fields counts once: holding it twice would hang a non-reentrant lock.
            if (lock != null && locks.stream().noneMatch(seen -> seen == lock)) {
                locks.add(lock);
            }
        }
        return locks;
    }

    /**
     * Waits at most {@code bound} until {@code thread} is queued on {@code lock}. Works for
     * {@link ReentrantLock} and the write lock of a {@link ReentrantReadWriteLock}; for other locks
     * it waits until the thread is parked on a synchronizer.
     */
    public static boolean awaitQueued(Lock lock, Thread thread, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (isQueued(lock, thread)) {
                return true;
            }
            Threads.pause();
        }
        return isQueued(lock, thread);
    }

    /** Whether {@code thread} waits to acquire {@code lock} (see {@link #awaitQueued}). */
    public static boolean isQueued(Lock lock, Thread thread) {
        if (lock instanceof ReentrantLock) {
            return ((ReentrantLock) lock).hasQueuedThread(thread);
        }
        return Threads.isParkedOnSynchronizer(thread);
    }

}
