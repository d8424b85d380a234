package labkit.engine.scan;

import java.util.Set;
import labkit.engine.bytecode.Instructions;

/**
 * Decides on one type or member the student's bytecode names: {@code null} when allowed,
 * otherwise the reason it is refused.
 */
final class UseRules {

    /** The methods of {@code java.lang.Object}, allowed on any allowed type. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals(Ljava/lang/Object;)Z", "hashCode()I",
            "toString()Ljava/lang/String;", "getClass()Ljava/lang/Class;", "wait()V", "wait(J)V", "wait(JI)V",
            "notify()V", "notifyAll()V", "clone()Ljava/lang/Object;");

    private final Allowlist list;
    private final JdkTypes jdk;
    private final StudentClasses students;
    private final String labPrefix;

    UseRules(Allowlist list, JdkTypes jdk, StudentClasses students, String labPrefix) {
        this.list = list;
        this.jdk = jdk;
        this.students = students;
        this.labPrefix = labPrefix;
    }

    /** A type named anywhere: the lab's own types (the student's and the contract's), arrays of allowed types, or the list's. */
    String type(String type) {
        String element = type.startsWith("[") ? elementOf(type) : type;
        if (element == null || element.startsWith(labPrefix)) {
            return null;
        }
        return list.typeRefusal(element);
    }

    /** Member {@code name} of {@code owner}; {@code desc} is a method's descriptor, or {@code null} for a field. */
    String member(String owner, String name, String desc) {
        if (owner.startsWith("[")) {
            return type(owner); // clone() and length of an array
        }
        if (owner.startsWith(labPrefix)) {
            for (String outside : students.inheritedFrom(owner, name, desc)) {
                String refusal = outside.startsWith(labPrefix) ? null : jdkMember(outside, name, desc);
                if (refusal != null) {
                    return refusal;
                }
            }
            return null;
        }
        return jdkMember(owner, name, desc);
    }

    /**
     * A member of a JDK type: the type must be allowed; no type above it may deny the member; the
     * class that declares it must allow it; and the types in its descriptor must be allowed.
     */
    private String jdkMember(String owner, String name, String desc) {
        String refusal = type(owner);
        if (refusal != null) {
            return refusal;
        }
        for (String above : jdk.supertypes(owner)) {
            String denial = list.memberDenial(above, name, desc);
            if (denial != null) {
                return denial;
            }
        }
        if (desc != null && OBJECT_METHODS.contains(name + desc)) {
            return null;
        }
        String declaring = jdk.declaring(owner, name, desc);
        refusal = type(declaring);
        if (refusal == null && !list.allowsMember(declaring, name)) {
            refusal = list.reasonFor(declaring);
        }
        return refusal != null ? refusal : descriptor(desc);
    }

    /** The first refused type among those {@code desc} names, or {@code null}. */
    String descriptor(String desc) {
        if (desc == null) {
            return null;
        }
        for (String named : Instructions.typesOf(desc)) {
            String refusal = type(named);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /**
     * Why bootstrap method {@code owner.name} is refused, or {@code null}: any bootstrap but those
     * javac's own output needs is reflection through method handles, wherever it is declared.
     */
    String bootstrap(String owner, String name) {
        if (list.allowsBootstrap(owner, name)) {
            return null;
        }
        String refusal = type(owner);
        return refusal != null ? refusal : list.reasonFor("java/lang/invoke/MethodHandle");
    }

    private static String elementOf(String arrayType) {
        String element = arrayType.replaceFirst("^\\[+", "");
        return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
    }
}
