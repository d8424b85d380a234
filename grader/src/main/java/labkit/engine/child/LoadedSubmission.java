package labkit.engine.child;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import labkit.api.Submission;

/**
 * The student's compiled classes, loaded by a class loader of their own whose parent holds the
 * kit: the kit's contracts always win over any copy a student might ship. The loader has no name,
 * so that stack frames read {@code lab.counter.LockCounter.get(LockCounter.java:12)}. Without a
 * folder (mutation testing of the references, {@link ChildConfig#CLASSES_FROM_CLASS_PATH}) the
 * class comes from the kit's own class path, where PIT put its mutant.
 */
final class LoadedSubmission implements Submission {

    /** One import per JVM of a lab's classes, which do not change while it runs (JavaClasses is immutable). */
    private static final Map<Path, JavaClasses> IMPORTS = new ConcurrentHashMap<>();

    private final String studentClass;
    private final Path classesDir;
    private final ClassLoader loader;
    private JavaClasses imported;

    LoadedSubmission(String studentClass, Path classesDir) {
        this.studentClass = studentClass;
        this.classesDir = classesDir;
        this.loader = classesDir == null ? getClass().getClassLoader() : loaderFor(classesDir);
    }

    private static ClassLoader loaderFor(Path dir) {
        try {
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, LoadedSubmission.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(dir.toString(), e);
        }
    }

    @Override
    public <T> T create(Class<T> contract, Object... args) {
        Class<?> type = studentType();
        Constructor<?> constructor = Arrays.stream(type.getConstructors())
                .filter(c -> accepts(c.getParameterTypes(), args))
                .findFirst()
                .orElseThrow(() -> new StudentContractError(
                        "engine.submission.no-constructor", className(), describe(args)));
        try {
            return contract.cast(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (ClassCastException e) {
            throw new StudentContractError("engine.submission.not-implementing", className(), contract.getName());
        } catch (ReflectiveOperationException e) {
            throw new StudentContractError("engine.submission.not-constructible", className(), e.toString());
        }
    }

    private Class<?> studentType() {
        try {
            return Class.forName(studentClass, true, loader);
        } catch (ClassNotFoundException e) {
            throw new StudentContractError("engine.submission.class-missing", studentClass);
        }
    }

    @Override
    public synchronized JavaClasses classes() {
        if (imported == null) {
            imported = classesDir == null
                    ? new ClassFileImporter().importPackages(studentClass.substring(0, studentClass.lastIndexOf('.')))
                    : IMPORTS.computeIfAbsent(classesDir, dir -> new ClassFileImporter().importPath(dir));
        }
        return imported;
    }

    @Override
    public String className() {
        return studentClass.substring(studentClass.lastIndexOf('.') + 1);
    }

    private static boolean accepts(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Class<?> p = parameters[i].isPrimitive() ? boxed(parameters[i]) : parameters[i];
            if (args[i] != null && !p.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        return Object.class;
    }

    private static String describe(Object[] args) {
        return Arrays.stream(args).map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
