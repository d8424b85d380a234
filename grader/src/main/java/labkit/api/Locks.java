package labkit.api;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    /**
     * The objects whose monitors {@code target}'s {@code synchronized} code most likely takes:
     * {@code target} itself and each distinct object in its instance fields (a list it guards with
     * {@code synchronized (names)}, the wrapper of {@code Collections.synchronizedList}), locks
     * left out ({@link #of} has them).
     */
    public static List<Object> monitorsOf(Object target) {
        List<Object> monitors = new ArrayList<>(List.of(target));
        for (Field field : Fields.of(target.getClass())) {
            Object value = Fields.read(field, target);
            if (value != null && !field.getType().isPrimitive() && !(value instanceof Lock) && !(value instanceof ReadWriteLock)
                    && monitors.stream().noneMatch(seen -> seen == value)) {
                monitors.add(value);
            }
        }
        return monitors;
    }

    /**
     * A call started while the check held one of the student's locks: whether it had returned
     * when the check let go, instead of waiting for that lock. Await the call's end and its
     * result afterwards, as after any call.
     */
    public record HeldCall<T>(Call<T> call, boolean returnedWhileHeld) {}

    /**
     * Holds {@code lock} in the calling thread and starts {@code body} in {@code grader-<name>}
     * meanwhile; lets go once the call has ended or waits (parked or blocked), or after {@code settle}.
     * Empty when another thread holds the lock, so that nothing can be told.
     */
    public static <T> Optional<HeldCall<T>> callWhileHeld(Lock lock, String name, Callable<T> body, Duration settle) {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(startedWhileHeld(name, body, settle));
        } finally {
            lock.unlock();
        }
    }

    /** {@link #callWhileHeld(Lock, String, Callable, Duration)} with {@code monitor}'s monitor held, as {@code synchronized} holds it. */
    public static <T> HeldCall<T> callWhileHeld(Object monitor, String name, Callable<T> body, Duration settle) {
        synchronized (monitor) {
            return startedWhileHeld(name, body, settle);
        }
    }

    private static <T> HeldCall<T> startedWhileHeld(String name, Callable<T> body, Duration settle) {
        Call<T> call = Call.start(name, body);
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline && !call.isDone()
                && !Threads.isParkedOnSynchronizer(call.thread()) && call.thread().getState() != Thread.State.BLOCKED) {
            Threads.pause();
        }
        return new HeldCall<>(call, call.isDone());
    }
}
