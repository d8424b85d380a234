package labkit.suites.buffer;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import labkit.api.Call;
import labkit.api.Tolerances;

/**
 * A ReentrantLock put in place of the student's own one, with Conditions of its own in place of
 * theirs, that stops one watched thread each time it lets go of the lock entirely and each time
 * it is about to take it again. Between those two stops the thread holds nothing, so it
 * must not change the buffer; with the thread standing still at both ends, the check compares
 * snapshots without racing it (student-bugs #26: a slot written after {@code unlock()}).
 *
 * <p>{@code Condition.await} lets go of the lock inside AQS, not through {@link #unlock()}, so a
 * thread waiting on a Condition is never stopped: waiting there is how the lock is meant to be left.
 */
final class SteppedLock extends ReentrantLock {

    private static final long serialVersionUID = 1L;

    /** Where the watched thread stands. */
    enum Stop {
        /** It has just let go of the lock and holds it no more. */
        RELEASED,
        /** It is about to take the lock, holding it not yet. */
        ACQUIRING
    }

    /** How often the check looks whether the stepped call has ended without stopping again. */
    private static final long POLL_MILLIS = 5;

    private final transient BlockingQueue<Stop> stops = new LinkedBlockingQueue<>();
    /** A new one for each {@link #watch}, so that no permit is left over from the last call. */
    private volatile transient Semaphore go = new Semaphore(0);
    private volatile transient Thread watched;

    private SteppedLock(boolean fair) {
        super(fair);
    }

    /**
     * Puts a SteppedLock in place of {@code buffer}'s one {@link ReentrantLock}, and a Condition of
     * it in place of each of the lock's Conditions in the buffer's fields. Empty when the buffer is
     * built otherwise (no lock, several, a lock of another kind, a Condition of a lock not its own)
     * or its fields cannot be set; call it on a buffer made for stepping, before it is used.
     */
    static Optional<SteppedLock> swapInto(Object buffer) {
        List<Field> lockFields = new ArrayList<>();
        List<Field> conditionFields = new ArrayList<>();
        ReentrantLock original = null;
        for (Class<?> c = buffer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Object value = Modifier.isStatic(field.getModifiers()) ? null : read(field, buffer);
                if (value instanceof ReadWriteLock || value instanceof Lock && value.getClass() != ReentrantLock.class
                        || value instanceof ReentrantLock && original != null && value != original) {
                    return Optional.empty();
                }
                if (value instanceof ReentrantLock lock) {
                    original = lock;
                    lockFields.add(field);
                } else if (value instanceof Condition) {
                    conditionFields.add(field);
                }
            }
        }
        if (original == null || !ownsAll(original, conditionFields, buffer)) {
            return Optional.empty();
        }
        SteppedLock stepped = new SteppedLock(original.isFair());
        Map<Object, Condition> replacements = new IdentityHashMap<>();
        boolean swapped = true;
        for (Field field : conditionFields) {
            swapped &= write(field, buffer, replacements.computeIfAbsent(read(field, buffer), c -> stepped.newCondition()));
        }
        for (Field field : lockFields) {
            swapped &= write(field, buffer, stepped);
        }
        // A half-swapped buffer is never used again: the check makes it only for stepping.
        return swapped ? Optional.of(stepped) : Optional.empty();
    }

    /** From now on, {@code thread} stops at each {@link Stop}; other threads never do. */
    void watch(Thread thread) {
        stops.clear();
        go = new Semaphore(0);
        watched = thread;
    }

    /** No thread stops any more; one that still stands is let go. */
    void unwatch() {
        watched = null;
        go.release();
    }

    /**
     * The next stop of {@code call}'s thread, which then stands until {@link #proceed()}; empty once
     * the call has ended (or after {@link Tolerances#BOUND} without a stop, for a call that spins).
     */
    Optional<Stop> next(Call<?> call) throws InterruptedException {
        long deadline = System.nanoTime() + Tolerances.BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Stop stop = stops.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (stop != null) {
                return Optional.of(stop);
            }
            if (call.isDone()) {
                return Optional.ofNullable(stops.poll());
            }
        }
        return Optional.empty();
    }

    /** Lets the stopped thread go on to its next stop. */
    void proceed() {
        go.release();
    }

    @Override
    public void lock() {
        beforeAcquiring();
        super.lock();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        beforeAcquiring();
        super.lockInterruptibly();
    }

    @Override
    public boolean tryLock() {
        beforeAcquiring();
        return super.tryLock();
    }

    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        beforeAcquiring();
        return super.tryLock(timeout, unit);
    }

    @Override
    public void unlock() {
        super.unlock();
        if (!isHeldByCurrentThread()) {
            stop(Stop.RELEASED);
        }
    }

    private void beforeAcquiring() {
        if (!isHeldByCurrentThread()) {
            stop(Stop.ACQUIRING);
        }
    }

    private void stop(Stop where) {
        if (watched != Thread.currentThread()) {
            return;
        }
        Semaphore standing = go;
        stops.add(where);
        try {
            // Bounded, so that a check that has given up never leaves the thread standing.
            standing.tryAcquire(Tolerances.BOUND.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every Condition in the buffer's fields belongs to {@code lock} (only then can all be replaced). */
    private static boolean ownsAll(ReentrantLock lock, List<Field> conditionFields, Object buffer) {
        lock.lock();
        try {
            for (Field field : conditionFields) {
                lock.hasWaiters((Condition) read(field, buffer));
            }
            return true;
        } catch (IllegalArgumentException notItsOwn) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return field.trySetAccessible() ? field.get(target) : null;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the field could be set: a JDK that makes final fields truly final refuses. */
    private static boolean write(Field field, Object target, Object value) {
        try {
            field.set(target, value);
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }
}
