package labkit.engine.scan;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * The hierarchy of the JDK's own classes, asked of the grading JDK (the submission is compiled
 * with {@code --release} of that JDK, so its classes are the ones the code was compiled against).
 * Classes are loaded through the platform class loader without being initialised: no code runs,
 * and no class of the grader or the submission can be reached that way.
 */
final class JdkTypes {

    private final Map<String, Optional<Class<?>>> loaded = new HashMap<>();
    private final Map<String, List<String>> supertypes = new HashMap<>();

    Optional<Class<?>> load(String internalName) {
        return loaded.computeIfAbsent(internalName, name -> {
            try {
                return Optional.of(Class.forName(name.replace('/', '.'), false, ClassLoader.getPlatformClassLoader()));
            } catch (ClassNotFoundException | LinkageError notJdk) {
                return Optional.empty();
            }
        });
    }

    /** {@code type} and every class and interface above it, nearest first; just {@code type} when the JDK has no such class. */
    List<String> supertypes(String type) {
        return supertypes.computeIfAbsent(type, this::walkUp);
    }

    private List<String> walkUp(String type) {
        Optional<Class<?>> start = load(type);
        if (start.isEmpty()) {
            return List.of(type);
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(start.get()));
        while (!todo.isEmpty()) {
            Class<?> c = todo.removeFirst();
            if (seen.add(Type.getInternalName(c))) {
                if (c.getSuperclass() != null) {
                    todo.add(c.getSuperclass());
                }
                todo.addAll(List.of(c.getInterfaces()));
            }
        }
        return new ArrayList<>(seen);
    }

    /**
     * The class that declares member {@code name} ({@code desc} a method descriptor, {@code null}
     * for a field) as seen from {@code owner}: {@code sb.length()} names {@code StringBuilder} but
     * is declared by {@code AbstractStringBuilder}. {@code owner} itself when nothing is found.
     */
    String declaring(String owner, String name, String desc) {
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return owner;
        }
        for (String type : supertypes(owner)) {
            Optional<Class<?>> c = load(type);
            if (c.isPresent() && declares(c.get(), name, desc)) {
                return type;
            }
        }
        return owner;
    }

    private static boolean declares(Class<?> c, String name, String desc) {
        try {
            if (desc == null) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(name)) {
                        return true;
                    }
                }
                return false;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                    return true;
                }
            }
            return false;
        } catch (LinkageError | SecurityException unreadable) {
            return false;
        }
    }
}
