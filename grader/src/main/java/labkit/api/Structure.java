package labkit.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
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
            throw Feedback.fail(key, args).withDetails(String.join("\n", result.getFailureReport().getDetails()));
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
        Deque<JavaCodeUnit> todo = new ArrayDeque<>();
        for (JavaClass c : classes) {
            c.getCodeUnits().stream().filter(u -> u.getName().equals(method)).forEach(todo::add);
        }
        Set<JavaCodeUnit> seen = new HashSet<>();
        List<Invocation> calls = new ArrayList<>();
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.poll();
            if (!seen.add(unit)) {
                continue;
            }
            lambdasOf(unit).forEach(todo::add);
            for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                calls.add(new Invocation(call.getTargetOwner().getName(), call.getName(),
                        call.getTarget().getRawParameterTypes().size(),
                        call.getSourceCodeLocation().getSourceFileName() + ":" + call.getLineNumber()));
                call.getTarget().resolveMember()
                        .filter(target -> classes.contain(target.getOwner().getName()))
                        .ifPresent(todo::add);
            }
        }
        return calls;
    }

    /** The synthetic methods javac makes of the lambdas written in {@code unit} ({@code lambda$name$N}). */
    private static List<JavaCodeUnit> lambdasOf(JavaCodeUnit unit) {
        String prefix = "lambda$" + unit.getName() + "$";
        List<JavaCodeUnit> lambdas = new ArrayList<>();
        unit.getOwner().getCodeUnits().stream().filter(u -> u.getName().startsWith(prefix)).forEach(lambdas::add);
        return lambdas;
    }
}
