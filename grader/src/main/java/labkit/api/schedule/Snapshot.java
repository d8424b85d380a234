package labkit.api.schedule;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import labkit.api.Fields;

/**
 * An object's state as its fields hold it, read by reflection: counts, indices, array slots and
 * collection contents, also inside the student's helper objects. Locks, Conditions and other
 * synchronizers are left out (they change whenever a thread waits). Two snapshots taken while the
 * check holds the student's lock must be equal: any difference was made by code that did not hold it.
 *
 * <p>Taking a snapshot only copies values; turning one into text for a message is done afterwards.
 */
public final class Snapshot {

    /** How deep into the student's own helper objects the snapshot follows references. */
    private static final int DEPTH = 3;

    private final Object target;
    private final Map<Class<?>, Field[]> fields = new IdentityHashMap<>();

    /** Snapshots of {@code target}, a student's object; nothing is read until {@link #take()}. */
    public Snapshot(Object target) {
        this.target = target;
    }

    /** One student object's field values, in the order of {@link #fieldsOf}. */
    private record ObjectState(Class<?> type, Object[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ObjectState f && f.type == type && Arrays.deepEquals(f.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(values);
        }
    }

    /** A copy of the state now; a read that trips over a concurrent change gives a value of its own. */
    public Object take() {
        try {
            // The target itself is followed whatever its class; inside it, only the student's objects are.
            return state(target, DEPTH);
        } catch (RuntimeException e) {
            // Only an unguarded writer can make a read of the object's own collections fail.
            return "<changing: " + e.getClass().getSimpleName() + ">";
        }
    }

    /** Whether two snapshots show the same state. */
    public static boolean same(Object a, Object b) {
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    /** A snapshot as text for a message: {@code {items=[p0#1, null], head=1, count=1}}. */
    public String render(Object snapshot) {
        StringBuilder out = new StringBuilder();
        render(out, snapshot);
        return out.toString();
    }

    private Object copy(Object value, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof CharSequence || isGradersValue(value)) {
            return value;
        }
        if (value instanceof Object[] array) {
            return array.clone();
        }
        if (value.getClass().isArray()) {
            Object[] boxed = new Object[Array.getLength(value)];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = Array.get(value, i);
            }
            return boxed;
        }
        if (value instanceof Collection<?> collection) {
            return collection.toArray();
        }
        if (Fields.isSubmissions(value.getClass()) && depth > 0) {
            return state(value, depth);
        }
        // An AtomicInteger count of a two-lock design, say: its text is its value.
        return String.valueOf(value);
    }

    /** The grader's own records (the items a check puts in) compare by value; a student's are followed like any object of theirs. */
    private static boolean isGradersValue(Object value) {
        return value instanceof Record && !Fields.isSubmissions(value.getClass());
    }

    private ObjectState state(Object value, int depth) {
        Field[] own = fieldsOf(value.getClass());
        Object[] values = new Object[own.length];
        for (int i = 0; i < own.length; i++) {
            values[i] = copy(Fields.read(own[i], value), depth - 1);
        }
        return new ObjectState(value.getClass(), values);
    }

    private void render(StringBuilder out, Object value) {
        if (value instanceof Object[] array) {
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                out.append(i == 0 ? "" : ", ");
                render(out, array[i]);
            }
            out.append(']');
        } else if (value instanceof ObjectState object) {
            Field[] names = fieldsOf(object.type());
            out.append('{');
            for (int i = 0; i < names.length; i++) {
                out.append(i == 0 ? "" : ", ").append(names[i].getName()).append('=');
                render(out, object.values()[i]);
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    /**
     * Locks, Conditions and the other synchronizers change whenever a thread waits or passes them;
     * they are not the object's state. A Semaphore's permits are taken before the lock by design
     * (no-ready-made-queue is the verdict on using one), so they are not blamed here.
     */
    private static boolean isLocking(Class<?> type) {
        return Lock.class.isAssignableFrom(type) || ReadWriteLock.class.isAssignableFrom(type)
                || Condition.class.isAssignableFrom(type) || Semaphore.class.isAssignableFrom(type)
                || CountDownLatch.class.isAssignableFrom(type) || CyclicBarrier.class.isAssignableFrom(type)
                || Phaser.class.isAssignableFrom(type);
    }

    private Field[] fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, t -> Fields.of(t).stream()
                .filter(field -> !isLocking(field.getType()))
                .toArray(Field[]::new));
    }
}
