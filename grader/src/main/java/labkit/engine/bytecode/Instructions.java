package labkit.engine.bytecode;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Walks the instructions of a class file with ASM and reports each one that names another type,
 * field or method, with the source line it came from. Reads bytes only: nothing is loaded or run.
 */
public final class Instructions {

    /** Where an instruction stands: {@code LockCounter.java:12} in method {@code increment}. */
    public record Place(String source, int line, String method, int methodAccess) {
        @Override
        public String toString() {
            return source + ":" + line;
        }
    }

    /** What the walk reports. Every method has a default that ignores the instruction. */
    public interface Listener {
        /** A method is declared (before its instructions). */
        default void method(Place place) {}

        /** A call, {@code owner.name(desc)}; constructors are named {@code <init>}. */
        default void call(Place place, String owner, String name, String desc) {}

        /** A field read or write. */
        default void field(Place place, String owner, String name) {}

        /** {@code new}, a cast, {@code instanceof} or an array of {@code type}. */
        default void type(Place place, String type) {}

        /** An instruction without operands, such as {@code monitorenter}. */
        default void plain(Place place, int opcode) {}
    }

    private Instructions() {}

    /** Walks {@code classFile}, telling {@code listener} of each instruction. */
    public static void walk(byte[] classFile, Listener listener) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            private String source = "?";

            @Override
            public void visitSource(String file, String debug) {
                source = file;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                listener.method(new Place(source, 0, name, access));
                return new MethodVisitor(Opcodes.ASM9) {
                    private int line;

                    private Place here() {
                        return new Place(source, line, name, access);
                    }

                    @Override
                    public void visitLineNumber(int number, Label start) {
                        line = number;
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                        listener.call(here(), owner, member, desc);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                        listener.field(here(), owner, member);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        listener.type(here(), type);
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        listener.plain(here(), opcode);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
    }
}
