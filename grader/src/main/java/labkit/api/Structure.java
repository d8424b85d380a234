package labkit.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
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
                    new ClassReader(in).accept(new MonitorFinder(uses), ClassReader.SKIP_FRAMES);
                } catch (IOException e) {
                    uses.add(c.getName() + " (unreadable: " + e.getMessage() + ")");
                }
            });
        }
        return uses;
    }

    private static final class MonitorFinder extends ClassVisitor {
        private final List<String> uses;
        private String file = "?";

        MonitorFinder(List<String> uses) {
            super(Opcodes.ASM9);
            this.uses = uses;
        }

        @Override
        public void visitSource(String source, String debug) {
            file = source;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                uses.add(file + ": synchronized method " + name + "()");
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public void visitLineNumber(int number, Label start) {
                    line = number;
                }

                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.MONITORENTER) {
                        uses.add(file + ":" + line + ": synchronized block in " + name + "()");
                    }
                }
            };
        }
    }
}
