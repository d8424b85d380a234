package labkit.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import labkit.engine.bytecode.Instructions;
import org.objectweb.asm.Opcodes;

/** Structure rules over the student's classes: ArchUnit rules, and what ArchUnit cannot see in bytecode. */
public final class Structure {

    private Structure() {}

    /**
     * Fails with message {@code key} (and ArchUnit's list of violations as details) when
     * {@code rule} does not hold for the submission's classes.
     */
    public static void require(ArchRule rule, JavaClasses classes, String key, Object... args) {
        EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
        if (result.hasViolation()) {
            throw Feedback.failure(key, args).withDetails(String.join("\n", result.getFailureReport().getDetails()));
        }
    }

    /**
     * Where the classes use {@code synchronized}: each synchronized method and each
     * {@code synchronized} block ({@code monitorenter}), as {@code File.java:line}.
     */
    public static List<String> synchronizedUses(JavaClasses classes) {
        List<String> uses = new ArrayList<>();
        for (JavaClass c : classes) {
            c.getSource().ifPresent(source -> {
                try (InputStream in = source.getUri().toURL().openStream()) {
                    Instructions.walk(in.readAllBytes(), new Instructions.Listener() {
                        @Override
                        public void method(Instructions.Place place) {
                            if ((place.methodAccess() & Opcodes.ACC_SYNCHRONIZED) != 0) {
                                uses.add(place.source() + ": synchronized method " + place.method() + "()");
                            }
                        }

                        @Override
                        public void plain(Instructions.Place place, int opcode) {
                            if (opcode == Opcodes.MONITORENTER) {
                                uses.add(place + ": synchronized block in " + place.method() + "()");
                            }
                        }
                    });
                } catch (IOException e) {
                    uses.add(c.getName() + " (unreadable: " + e.getMessage() + ")");
                }
            });
        }
        return uses;
    }

    /** One method call found in the student's code: whose method, its name and parameter count, and where. */
    public record Invocation(String owner, String name, int parameters, String where) {}

    /**
     * Every method call made by the code that runs when one of the student's methods named
     * {@code method} is called: its body, the lambdas written in it, and, transitively, the
     * submission's own methods it calls. So a helper such as {@code canTake()} cannot hide a call.
     */
    public static List<Invocation> callsReachableFrom(JavaClasses classes, String method) {
        List<Invocation> calls = new ArrayList<>();
        for (JavaCodeUnit unit : codeReachableFrom(classes, method)) {
            for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                calls.add(new Invocation(call.getTargetOwner().getName(), call.getName(),
                        call.getTarget().getRawParameterTypes().size(), where(call)));
            }
        }
        return calls;
    }

    /**
     * A read of one of the submission's instance fields: whose field, its name, whether another
     * thread's write to it is seen without a lock ({@code volatile}, or {@code final} holding a
     * value or a {@code java.util.concurrent} object), and where.
     */
    public record FieldRead(String owner, String name, boolean safeWithoutLock, String where) {}

    /**
     * Every read of the submission's own instance fields by the code that runs when one of its
     * methods named {@code method} is called, found as {@link #callsReachableFrom} finds calls.
     */
    public static List<FieldRead> fieldReadsReachableFrom(JavaClasses classes, String method) {
        List<FieldRead> reads = new ArrayList<>();
        for (JavaCodeUnit unit : codeReachableFrom(classes, method)) {
            for (JavaFieldAccess access : unit.getFieldAccesses()) {
                if (access.getAccessType() != JavaFieldAccess.AccessType.GET) {
                    continue;
                }
                access.getTarget().resolveMember()
                        .filter(field -> classes.contain(field.getOwner().getName()))
                        .filter(field -> !field.getModifiers().contains(JavaModifier.STATIC))
                        .ifPresent(field -> reads.add(new FieldRead(field.getOwner().getName(), field.getName(),
                                safeWithoutLock(field), where(access))));
            }
        }
        return reads;
    }

    /**
     * The first read, by the code that runs when {@code method} is called, of a field that another
     * thread's write reaches only through a lock (neither volatile nor a final value): what a
     * method that does not take the lock must not do.
     */
    public static Optional<FieldRead> plainReadFrom(JavaClasses classes, String method) {
        return fieldReadsReachableFrom(classes, method).stream().filter(read -> !read.safeWithoutLock()).findFirst();
    }

    /**
     * {@link #plainReadFrom(JavaClasses, String)}, told also by what {@code target}'s fields hold:
     * a final field of {@code target} holding a {@code java.util.concurrent} object (a
     * ConcurrentHashMap key set declared as a Set, a CopyOnWriteArrayList declared as a List) is
     * thread-safe itself, and safe to read without a lock.
     */
    public static Optional<FieldRead> plainReadFrom(JavaClasses classes, String method, Object target) {
        return fieldReadsReachableFrom(classes, method).stream()
                .filter(read -> !read.safeWithoutLock() && !holdsConcurrentObject(target, read))
                .findFirst();
    }

    private static boolean holdsConcurrentObject(Object target, FieldRead read) {
        for (Field field : Fields.of(target.getClass())) {
            if (field.getName().equals(read.name()) && field.getDeclaringClass().getName().equals(read.owner())) {
                Object value = Fields.read(field, target);
                return Modifier.isFinal(field.getModifiers()) && value != null
                        && value.getClass().getName().startsWith("java.util.concurrent.");
            }
        }
        return false;
    }

    /** Its body, its lambdas and, transitively, the submission's methods it calls. */
    private static Set<JavaCodeUnit> codeReachableFrom(JavaClasses classes, String method) {
        Deque<JavaCodeUnit> todo = new ArrayDeque<>();
        for (JavaClass c : classes) {
            c.getCodeUnits().stream().filter(u -> u.getName().equals(method)).forEach(todo::add);
        }
        Set<JavaCodeUnit> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.poll();
            if (!seen.add(unit)) {
                continue;
            }
            lambdasOf(unit).forEach(todo::add);
            for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                call.getTarget().resolveMember()
                        .filter(target -> classes.contain(target.getOwner().getName()))
                        .ifPresent(todo::add);
            }
        }
        return seen;
    }

    /**
     * A volatile field is read fresh; a final one never changes after construction, so it is safe
     * when what it holds is a value or a thread-safe object of java.util.concurrent (a lock, an
     * atomic), but not a plain array or collection whose contents the lock guards.
     */
    private static boolean safeWithoutLock(JavaField field) {
        if (field.getModifiers().contains(JavaModifier.VOLATILE)) {
            return true;
        }
        JavaClass type = field.getRawType();
        return field.getModifiers().contains(JavaModifier.FINAL) && (type.isPrimitive()
                || type.isEquivalentTo(String.class) || type.getPackageName().startsWith("java.util.concurrent"));
    }

    private static String where(JavaAccess<?> access) {
        return access.getSourceCodeLocation().getSourceFileName() + ":" + access.getLineNumber();
    }

    /** The synthetic methods javac makes of the lambdas written in {@code unit} ({@code lambda$name$N}). */
    private static List<JavaCodeUnit> lambdasOf(JavaCodeUnit unit) {
        String prefix = "lambda$" + unit.getName() + "$";
        List<JavaCodeUnit> lambdas = new ArrayList<>();
        unit.getOwner().getCodeUnits().stream().filter(u -> u.getName().startsWith(prefix)).forEach(lambdas::add);
        return lambdas;
    }
}
