package labkit.engine.bytecode;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Walks the instructions of a class file with ASM and reports each one that names another type,
 * field or method, with the source line it came from; and every type the class's declarations
 * name (superclass, interfaces, field and method descriptors, {@code throws}, annotations). Reads
 * bytes only: nothing is loaded or run.
 */
public final class Instructions {

    /** Where an instruction stands: {@code LockCounter.java:12} in method {@code increment}. */
    public record Place(String source, int line, String method, int methodAccess) {
        @Override
        public String toString() {
            return line > 0 ? source + ":" + line : source;
        }
    }

    /** What the walk reports. Every method has a default that ignores the instruction. */
    public interface Listener {
        /** A method is declared (before its instructions). */
        default void method(Place place) {}

        /** A call, {@code owner.name(desc)}; constructors are named {@code <init>}. */
        default void call(Place place, String owner, String name, String desc) {}

        /** A field read or write; {@code desc} is the field's type. */
        default void field(Place place, String owner, String name, String desc) {}

        /**
         * A type the code names: {@code new}, a cast, {@code instanceof}, an array, a {@code catch},
         * a class constant; or a type of a declaration (reported at the method's first line, or
         * for the class itself at its first line).
         */
        default void type(Place place, String type) {}

        /** An {@code invokedynamic}: its bootstrap method and the bootstrap's constant arguments. */
        default void dynamic(Place place, String name, String desc, Handle bootstrap, Object[] arguments) {}

        /** An {@code ldc} of a method handle, a method type or a dynamic constant. */
        default void constant(Place place, Object value) {}

        /** An instruction without operands, such as {@code monitorenter}. */
        default void plain(Place place, int opcode) {}
    }

    private Instructions() {}

    /** Walks {@code classFile}, telling {@code listener} of each instruction. */
    public static void walk(byte[] classFile, Listener listener) {
        ClassWalker walker = new ClassWalker(listener);
        new ClassReader(classFile).accept(walker, ClassReader.SKIP_FRAMES);
    }

    /** The internal names of the object types in a field or method descriptor. */
    public static List<String> typesOf(String descriptor) {
        List<String> names = new ArrayList<>();
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            for (Type argument : type.getArgumentTypes()) {
                addObjectType(argument, names);
            }
            addObjectType(type.getReturnType(), names);
        } else {
            addObjectType(type, names);
        }
        return names;
    }

    private static void addObjectType(Type type, List<String> names) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
            names.add(element.getInternalName());
        }
    }

    /**
     * Declarations carry no line of their own: their types are reported once the class is read,
     * at the first line of the method they belong to, or else at the class's first line (the
     * implicit constructor's line is the class declaration's).
     */
    private static final class ClassWalker extends ClassVisitor {
        private final Listener listener;
        private final List<Runnable> declarations = new ArrayList<>();
        private String source = "?";
        private int firstLine = Integer.MAX_VALUE;

        ClassWalker(Listener listener) {
            super(Opcodes.ASM9);
            this.listener = listener;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            if (superName != null) {
                declared(superName);
            }
            for (String implemented : interfaces) {
                declared(implemented);
            }
        }

        @Override
        public void visitSource(String file, String debug) {
            source = file;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            typesOf(descriptor).forEach(this::declared);
            return new AnnotationWalker(this::declared);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return visitAnnotation(descriptor, visible);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            typesOf(descriptor).forEach(this::declared);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return ClassWalker.this.visitAnnotation(annotation, visible);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            listener.method(new Place(source, 0, name, access));
            MethodWalker method = new MethodWalker(name, access);
            List<String> types = new ArrayList<>(typesOf(descriptor));
            if (exceptions != null) {
                types.addAll(List.of(exceptions));
            }
            types.forEach(method::declared);
            return method;
        }

        @Override
        public void visitEnd() {
            declarations.forEach(Runnable::run);
        }

        private void declared(String type) {
            declarations.add(() -> listener.type(new Place(source, firstLine == Integer.MAX_VALUE ? 0 : firstLine, "", 0), type));
        }

        private final class MethodWalker extends MethodVisitor {
            private final String name;
            private final int access;
            private int line;
            private int methodFirstLine;

            MethodWalker(String name, int access) {
                super(Opcodes.ASM9);
                this.name = name;
                this.access = access;
            }

            private Place here() {
                return new Place(source, line, name, access);
            }

            void declared(String type) {
                declarations.add(() -> listener.type(new Place(source,
                        methodFirstLine > 0 ? methodFirstLine : firstLine == Integer.MAX_VALUE ? 0 : firstLine, name, access), type));
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                typesOf(descriptor).forEach(this::declared);
                return new AnnotationWalker(this::declared);
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
                return visitAnnotation(descriptor, visible);
            }

            @Override
            public void visitLineNumber(int number, Label start) {
                line = number;
                if (methodFirstLine == 0) {
                    methodFirstLine = number;
                }
                firstLine = Math.min(firstLine, number);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                listener.call(here(), owner, member, desc);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                listener.field(here(), owner, member, desc);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                listener.type(here(), type);
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                typesOf(descriptor).forEach(type -> listener.type(here(), type));
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                if (type != null) {
                    // Labels come before line numbers: the handler's line is not known yet.
                    declared(type);
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... arguments) {
                listener.dynamic(here(), member, desc, bootstrap, arguments);
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Type type && type.getSort() != Type.METHOD) {
                    typesOf(type.getDescriptor()).forEach(name -> listener.type(here(), name));
                } else if (value instanceof Type || value instanceof Handle || value instanceof org.objectweb.asm.ConstantDynamic) {
                    listener.constant(here(), value);
                }
            }

            @Override
            public void visitInsn(int opcode) {
                listener.plain(here(), opcode);
            }
        }
    }

    /** Class constants among an annotation's values ({@code @Uses(File.class)}). */
    private static final class AnnotationWalker extends AnnotationVisitor {
        private final java.util.function.Consumer<String> types;

        AnnotationWalker(java.util.function.Consumer<String> types) {
            super(Opcodes.ASM9);
            this.types = types;
        }

        @Override
        public void visit(String name, Object value) {
            if (value instanceof Type type) {
                typesOf(type.getDescriptor()).forEach(types);
            }
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            typesOf(descriptor).forEach(types);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            typesOf(descriptor).forEach(types);
            return this;
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }
    }
}
