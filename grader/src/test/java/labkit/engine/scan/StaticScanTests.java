package labkit.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Bytecode javac does not write from plain Java, but a hand-made class file could: constants and
 * bootstraps that reach a refused API through a method handle.
 */
class StaticScanTests {

    private static final Handle METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "metafactory",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
    private static final Handle EXIT = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);

    @Test
    @DisplayName("a lambda whose implementation is System.exit is refused like a direct call")
    void lambdaImplementationIsACall(@TempDir Path dir) throws IOException {
        assertThat(scan(dir, code -> code.visitInvokeDynamicInsn("accept", "()Ljava/util/function/IntConsumer;", METAFACTORY,
                Type.getType("(I)V"), EXIT, Type.getType("(I)V"))))
                .containsExactly(new Violation("Forged.java:7", "java.lang.System.exit", "ending the JVM"));
    }

    @Test
    @DisplayName("a pattern switch (JDK 21+) keeps its bootstrap, and the types it tests are checked")
    void patternSwitchLabelsAreTypes(@TempDir Path dir) throws IOException {
        Handle typeSwitch = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/runtime/SwitchBootstraps", "typeSwitch",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        assertThat(scan(dir, code -> code.visitInvokeDynamicInsn("typeSwitch", "(Ljava/lang/Object;I)I", typeSwitch,
                Type.getType("Ljava/lang/String;"), Type.getType("Ljava/io/File;"))))
                .containsExactly(new Violation("Forged.java:7", "java.io.File", "file access"));
    }

    @Test
    @DisplayName("a bootstrap method other than javac's own is refused, and its arguments are not trusted")
    void unknownBootstrapIsRefused(@TempDir Path dir) throws IOException {
        Handle own = new Handle(Opcodes.H_INVOKESTATIC, "lab/counter/Forged", "link", "()V", false);
        assertThat(scan(dir, code -> code.visitInvokeDynamicInsn("run", "()V", own)))
                .containsExactly(new Violation("Forged.java:7", "lab.counter.Forged.link", "reflection"));
    }

    @Test
    @DisplayName("ldc of a method handle, a method type or a dynamic constant is checked like the use it stands for")
    void constantsAreChecked(@TempDir Path dir) throws IOException {
        assertThat(scan(dir, code -> code.visitLdcInsn(new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Runtime", "exec",
                "(Ljava/lang/String;)Ljava/lang/Process;", false))))
                .containsExactly(new Violation("Forged.java:7", "java.lang.Runtime.exec", "ending the JVM or starting processes"));
        assertThat(scan(dir, code -> code.visitLdcInsn(Type.getType("(Ljava/io/File;)V"))))
                .containsExactly(new Violation("Forged.java:7", "java.io.File", "file access"));
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;"
                        + "[Ljava/lang/Object;)Ljava/lang/Object;", false);
        assertThat(scan(dir, code -> code.visitLdcInsn(new ConstantDynamic("x", "Ljava/lang/Object;", invoke, EXIT))))
                .containsExactly(new Violation("Forged.java:7", "java.lang.invoke.ConstantBootstraps.invoke", "reflection"));
    }

    /** The violations in a class {@code lab/counter/Forged} whose one method, at line 7, holds {@code code}. */
    private static java.util.List<Violation> scan(Path dir, Consumer<MethodVisitor> code) throws IOException {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "lab/counter/Forged", null, "java/lang/Object", null);
        writer.visitSource("Forged.java", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
        method.visitCode();
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(7, start);
        code.accept(method);
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(4, 0);
        method.visitEnd();
        writer.visitEnd();
        Files.createDirectories(dir.resolve("lab/counter"));
        Files.write(dir.resolve("lab/counter/Forged.class"), writer.toByteArray());
        return StaticScan.scan(dir, "counter", "lab.counter");
    }
}
