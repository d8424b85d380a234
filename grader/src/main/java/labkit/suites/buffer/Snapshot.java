package labkit.suites.buffer;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The buffer's state as its fields hold it, read by reflection: counts, indices, array slots and
 * collection contents, also inside the student's helper objects. Locks and Conditions are left
 * out (they change whenever a thread waits). Two snapshots taken while the check holds the
 * student's lock must be equal: any difference was made by code that did not hold it.
 *
 * <p>The fields are looked up once, so that taking a snapshot is quick: it races against the code
 * under test in the after-unlock schedule of {@code state-under-lock}.
 */
final class Snapshot {

    /** How deep into the student's own helper objects the snapshot follows references. */
    private static final int DEPTH = 3;

    private final Object buffer;
    private final Map<Class<?>, List<Field>> fields = new IdentityHashMap<>();

    Snapshot(Object buffer) {
        this.buffer = buffer;
    }

    /** The state now, as text; a read that trips over a concurrent change gives a text of its own. */
    String take() {
        StringBuilder out = new StringBuilder();
        try {
            append(out, buffer, DEPTH);
            trimComma(out);
        } catch (RuntimeException e) {
            // Only an unguarded writer can make a read of the buffer's own collections fail.
            out.append("<changing: ").append(e.getClass().getSimpleName()).append('>');
        }
        return out.toString();
    }

    private void append(StringBuilder out, Object value, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof CharSequence || value instanceof Item) {
            out.append(value).append(',');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                append(out, Array.get(value, i), depth);
            }
            closeList(out);
        } else if (value instanceof Collection<?>) {
            out.append('[');
            for (Object element : ((Collection<?>) value).toArray()) {
                append(out, element, depth);
            }
            closeList(out);
        } else if (isStudents(value.getClass()) && depth > 0) {
            out.append('{');
            for (Field field : fieldsOf(value.getClass())) {
                out.append(field.getName()).append('=');
                append(out, read(field, value), depth - 1);
            }
            trimComma(out);
            out.append("},");
        } else {
            // An AtomicInteger count of a two-lock design, say: its text is its value.
            out.append(value).append(',');
        }
    }

    /** Locks and Conditions change whenever a thread waits; they are not the buffer's state. */
    private static boolean isLocking(Class<?> type) {
        return Lock.class.isAssignableFrom(type) || ReadWriteLock.class.isAssignableFrom(type)
                || Condition.class.isAssignableFrom(type);
    }

    private static boolean isStudents(Class<?> type) {
        return type.getName().startsWith("lab.");
    }

    private static void closeList(StringBuilder out) {
        trimComma(out);
        out.append("],");
    }

    /** Values are written with a trailing comma; a list or object drops its last one when it closes. */
    private static void trimComma(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) == ',') {
            out.setLength(out.length() - 1);
        }
    }

    private List<Field> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, t -> {
            List<Field> found = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !isLocking(field.getType()) && trySetAccessible(field)) {
                        found.add(field);
                    }
                }
            }
            return found;
        });
    }

    private static boolean trySetAccessible(Field field) {
        try {
            return field.trySetAccessible();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            return null;
        }
    }
}
