package labkit.engine.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes of the submission, by their headers: what each extends and declares. A call names
 * the static type of its target ({@code worker.stop()} on the student's {@code Worker extends
 * Thread}), so deciding on it needs to know which JDK type the member comes from.
 */
final class StudentClasses {

    private record Header(List<String> supertypes, Set<String> members) {}

    private final Map<String, Header> headers = new HashMap<>();

    void add(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        supertypes.addAll(List.of(reader.getInterfaces()));
        Set<String> members = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                members.add(name);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                members.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        headers.put(reader.getClassName(), new Header(supertypes, members));
    }

    boolean contains(String type) {
        return headers.containsKey(type);
    }

    /**
     * Where member {@code name} ({@code desc} {@code null} for a field) of student type {@code
     * owner} comes from: empty when a student class declares it, otherwise the types outside the
     * submission at which the search left it (the JDK types, or the kit's contracts, it inherits from).
     */
    List<String> inheritedFrom(String owner, String name, String desc) {
        List<String> outside = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(owner));
        while (!todo.isEmpty()) {
            String type = todo.remove(0);
            Header header = headers.get(type);
            if (!seen.add(type)) {
                continue;
            }
            if (header == null) {
                outside.add(type);
            } else if (header.members().contains(desc == null ? name : name + desc)) {
                return List.of();
            } else {
                todo.addAll(header.supertypes());
            }
        }
        return outside;
    }
}
