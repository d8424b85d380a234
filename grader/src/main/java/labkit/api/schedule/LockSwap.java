package labkit.api.schedule;

import java.lang.reflect.Field;
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
import labkit.api.Fields;

/**
 * Puts a {@link SteppedLock} in place of an object's one {@link ReentrantLock}, and a Condition of
 * it in place of each of the lock's Conditions, only where the swap reaches the whole design: a
 * lock left behind anywhere would make the object fail for the grader's sake, not the student's.
 *
 * <pre>{@code
 * Optional<SteppedLock> swapped = LockSwap.into(event).filter(lock -> worksAsBefore(event));
 * }</pre>
 */
public final class LockSwap {

    /** How deep into the student's helper objects, arrays and collections a kept lock is looked for. */
    private static final int HELPER_DEPTH = 2;

    private final List<Field> lockFields = new ArrayList<>();
    private final List<Field> conditionFields = new ArrayList<>();
    private ReentrantLock original;

    private LockSwap() {}

    /**
     * The swapped-in lock of {@code target}, an object made for stepping and not used yet. Empty
     * when it is built otherwise (no lock, several, a lock of another kind, a Condition of a lock
     * not its own, a lock or Condition kept in an array, a collection or a helper object) or when
     * its fields cannot be set. A suite adds its own last guard: a few calls that must still work.
     */
    public static Optional<SteppedLock> into(Object target) {
        LockSwap swap = new LockSwap();
        if (!swap.findsOneLockIn(target) || !swap.ownsAllConditions(target)) {
            return Optional.empty();
        }
        SteppedLock stepped = new SteppedLock(swap.original.isFair());
        return swap.replace(target, stepped) ? Optional.of(stepped) : Optional.empty();
    }

    private boolean findsOneLockIn(Object target) {
        for (Field field : Fields.of(target.getClass())) {
            Object value = Fields.read(field, target);
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

    /** Whether every Condition in the target's fields belongs to the lock (only then can all be replaced). */
    private boolean ownsAllConditions(Object target) {
        original.lock();
        try {
            for (Field field : conditionFields) {
                original.hasWaiters((Condition) Fields.read(field, target));
            }
            return true;
        } catch (IllegalArgumentException notItsOwn) {
            return false;
        } finally {
            original.unlock();
        }
    }

    /** Sets the fields; false when the JVM refuses one (a JDK that makes final fields truly final). */
    private boolean replace(Object target, SteppedLock stepped) {
        Map<Object, Condition> replacements = new IdentityHashMap<>();
        boolean swapped = true;
        for (Field field : conditionFields) {
            swapped &= write(field, target, replacements.computeIfAbsent(Fields.read(field, target), c -> stepped.newCondition()));
        }
        for (Field field : lockFields) {
            swapped &= write(field, target, stepped);
        }
        // A half-swapped object is never used again: the check makes it only for stepping.
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
}
