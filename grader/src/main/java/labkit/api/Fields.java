package labkit.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance fields of the student's objects, read by reflection: the locks a check holds, the
 * state it compares, the helper objects it looks into.
 */
public final class Fields {

    private Fields() {}

    /**
     * {@code type}'s instance fields that can be read, its own first and its superclasses' after,
     * each in declaration order. A field the JVM will not open is left out.
     */
    public static List<Field> of(Class<?> type) {
        List<Field> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && opens(field)) {
                    found.add(field);
                }
            }
        }
        return found;
    }

    /** The value of {@code field} (one of {@link #of}) in {@code target}; null when it cannot be read. */
    public static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code type} is the submission's own (a class of a lab package), so worth looking into. */
    public static boolean isSubmissions(Class<?> type) {
        return type.getName().startsWith("lab.");
    }

    private static boolean opens(Field field) {
        try {
            return field.trySetAccessible();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
