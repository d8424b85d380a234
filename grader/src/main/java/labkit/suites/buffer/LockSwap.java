package labkit.suites.buffer;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import lab.buffer.BoundedBuffer;
import labkit.api.Call;
import labkit.api.Fields;
import labkit.api.Tolerances;

/**
 * Puts a {@link SteppedLock} in place of a buffer's one {@link ReentrantLock}, and a Condition of
 * it in place of each of the lock's Conditions, only where the swap reaches the whole design: a
 * lock left behind anywhere would make the buffer fail for the grader's sake, not the student's.
 */
final class LockSwap {

    /** How deep into the student's helper objects, arrays and collections a kept lock is looked for. */
    private static final int HELPER_DEPTH = 2;

    private final List<Field> lockFields = new ArrayList<>();
    private final List<Field> conditionFields = new ArrayList<>();
    private ReentrantLock original;

    private LockSwap() {}

    /**
     * The swapped-in lock of {@code buffer}, a buffer made for stepping and not used yet. Empty when
     * the buffer is built otherwise (no lock, several, a lock of another kind, a Condition of a lock
     * not its own, a lock or Condition kept in an array, a collection or a helper object), when its
     * fields cannot be set, or when put, take, offer and poll then fail unstepped.
     */
    static Optional<SteppedLock> into(BoundedBuffer<Item> buffer) {
        return fields(buffer).filter(stepped -> worksUnstepped(buffer));
    }

    /** The swap of the fields alone, for any object that keeps a lock and its Conditions: {@link #into} without the last guard. */
    static Optional<SteppedLock> fields(Object target) {
        LockSwap swap = new LockSwap();
        if (!swap.findsOneLockIn(target) || !swap.ownsAllConditions(target)) {
            return Optional.empty();
        }
        SteppedLock stepped = new SteppedLock(swap.original.isFair());
        return swap.replace(target, stepped) ? Optional.of(stepped) : Optional.empty();
    }

    private boolean findsOneLockIn(Object buffer) {
        for (Field field : Fields.of(buffer.getClass())) {
            Object value = Fields.read(field, buffer);
            if (value instanceof ReadWriteLock || value instanceof Lock && value.getClass() != ReentrantLock.class
                    || value instanceof ReentrantLock && original != null && value != original) {
                return false;
            }
            if (value instanceof ReentrantLock lock) {
                original = lock;
                lockFields.add(field);
            } else if (value instanceof Condition) {
                conditionFields.add(field);
            } else if (holdsLocking(value, HELPER_DEPTH)) {
                return false;
            }
        }
        return original != null;
    }

    /** Whether {@code value} (an array, a collection or a student's object) keeps a lock or Condition. */
    private static boolean holdsLocking(Object value, int depth) {
        if (value instanceof Lock || value instanceof ReadWriteLock || value instanceof Condition) {
            return true;
        }
        if (depth == 0 || value == null) {
            return false;
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).anyMatch(element -> holdsLocking(element, depth - 1));
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().anyMatch(element -> holdsLocking(element, depth - 1));
        }
        return Fields.isSubmissions(value.getClass()) && Fields.of(value.getClass()).stream()
                .anyMatch(field -> holdsLocking(Fields.read(field, value), depth - 1));
    }

    /** Whether every Condition in the buffer's fields belongs to the lock (only then can all be replaced). */
    private boolean ownsAllConditions(Object buffer) {
        original.lock();
        try {
            for (Field field : conditionFields) {
                original.hasWaiters((Condition) Fields.read(field, buffer));
            }
            return true;
        } catch (IllegalArgumentException notItsOwn) {
            return false;
        } finally {
            original.unlock();
        }
    }

    /** Sets the fields; false when the JVM refuses one (a JDK that makes final fields truly final). */
    private boolean replace(Object buffer, SteppedLock stepped) {
        Map<Object, Condition> replacements = new IdentityHashMap<>();
        boolean swapped = true;
        for (Field field : conditionFields) {
            swapped &= write(field, buffer, replacements.computeIfAbsent(Fields.read(field, buffer), c -> stepped.newCondition()));
        }
        for (Field field : lockFields) {
            swapped &= write(field, buffer, stepped);
        }
        // A half-swapped buffer is never used again: the check makes it only for stepping.
        return swapped;
    }

    private static boolean write(Field field, Object target, Object value) {
        try {
            field.set(target, value);
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }

    /** A last guard: the four calls, none of which waits here, run with the new lock and leave the buffer empty. */
    private static boolean worksUnstepped(BoundedBuffer<Item> buffer) {
        Call<Void> run = Call.run("unstepped", () -> {
            buffer.put(new Item(9, 0));
            buffer.take();
            buffer.offer(new Item(9, 1), Duration.ZERO);
            buffer.poll(Duration.ZERO);
        });
        return run.awaitDone(Tolerances.BOUND) && run.failure() == null && buffer.size() == 0;
    }
}
