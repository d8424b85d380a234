package labkit.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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
}
