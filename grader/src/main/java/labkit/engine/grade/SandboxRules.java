package labkit.engine.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.bytecode.Instructions;

/**
 * The static half of the sandbox: with the SecurityManager gone, the kit refuses to run student
 * code whose bytecode calls an API that could end or escape the grading JVM, read the kit's
 * state, or write files. Read with ASM from the compiled classes; nothing of the submission is
 * loaded. None of these APIs is needed by any lab.
 */
final class SandboxRules {

    /**
     * Types no lab needs, with what they would allow: a key ending in {@code /} is a whole package,
     * any other key one class and its nested classes.
     */
    private static final Map<String, String> FORBIDDEN_TYPES = Map.ofEntries(
            Map.entry("java/lang/reflect/", "reflection"),
            Map.entry("java/lang/invoke/", "reflection"),
            Map.entry("java/lang/ClassLoader", "loading classes"),
            Map.entry("java/net/URLClassLoader", "loading classes"),
            Map.entry("java/lang/Module", "reflection"),
            Map.entry("java/lang/ModuleLayer", "reflection"),
            Map.entry("java/util/ServiceLoader", "loading classes"),
            Map.entry("java/lang/StackWalker", "inspecting the caller's stack"),
            Map.entry("java/lang/StackTraceElement", "inspecting the caller's stack"),
            Map.entry("java/lang/instrument/", "changing classes"),
            Map.entry("java/lang/management/", "inspecting the grader's threads"),
            Map.entry("javax/management/", "inspecting the grader's threads"),
            Map.entry("java/lang/ProcessBuilder", "starting processes"),
            Map.entry("java/lang/ProcessHandle", "controlling processes"),
            Map.entry("java/lang/Process", "starting processes"),
            Map.entry("java/lang/SecurityManager", "changing the sandbox"),
            Map.entry("java/io/File", "file access"),
            Map.entry("java/io/FileInputStream", "file access"),
            Map.entry("java/io/FileOutputStream", "file access"),
            Map.entry("java/io/FileReader", "file access"),
            Map.entry("java/io/FileWriter", "file access"),
            Map.entry("java/io/FileDescriptor", "writing to the grader's streams"),
            Map.entry("java/io/RandomAccessFile", "file access"),
            Map.entry("java/nio/file/", "file access"),
            Map.entry("java/nio/channels/", "file and socket access"),
            Map.entry("java/net/Socket", "opening sockets"),
            Map.entry("java/net/ServerSocket", "opening sockets"),
            Map.entry("java/net/DatagramSocket", "opening sockets"),
            Map.entry("sun/", "JDK internals"),
            Map.entry("jdk/", "JDK internals"),
            Map.entry("com/sun/", "JDK internals"),
            Map.entry("labkit/", "the grader's own classes"),
            Map.entry("org/junit/", "the test framework"));

    /** Methods of otherwise allowed types that are forbidden. */
    private static final Map<String, Set<String>> FORBIDDEN_METHODS = Map.of(
            "java/lang/System", Set.of("exit", "getProperty", "getProperties", "setProperty", "setProperties",
                    "clearProperty", "getenv", "setOut", "setErr", "setIn", "load", "loadLibrary", "console",
                    "inheritedChannel", "setSecurityManager", "getLogger", "mapLibraryName"),
            "java/lang/Thread", Set.of("stop", "suspend", "resume",
                    "getContextClassLoader", "setContextClassLoader", "setDefaultUncaughtExceptionHandler"));

    /**
     * Stack inspection, on whatever type the call names ({@code e.getStackTrace()} compiles against
     * {@code e}'s static type): the usual way for code to find out that a grader is calling it.
     * {@code printStackTrace()} to standard error stays allowed; printing it into a writer is not.
     */
    private static final Set<String> STACK_INSPECTION = Set.of("getStackTrace", "getAllStackTraces", "setStackTrace");

    /** The only methods of {@code Runtime} and {@code Class} a lab may call. */
    private static final Map<String, Set<String>> ALLOWED_ONLY = Map.of(
            "java/lang/Runtime", Set.of("getRuntime", "availableProcessors", "freeMemory", "totalMemory", "maxMemory"),
            "java/lang/Class", Set.of("getName", "getSimpleName", "getTypeName", "getCanonicalName", "desiredAssertionStatus",
                    "isInstance", "cast", "isArray", "isInterface", "isEnum", "isRecord", "isPrimitive",
                    "isAssignableFrom", "getComponentType", "hashCode", "equals", "toString"));

    /** Classes whose constructors taking a file name write files. */
    private static final Set<String> FILE_WRITERS = Set.of("java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter");

    private SandboxRules() {}

    /** One use of a forbidden API: {@code LockCounter.java:12 calls java.lang.System.exit (ending the JVM)}. */
    record Violation(String where, String what, String reason) {
        @Override
        public String toString() {
            return where + " uses " + what + " (" + reason + ")";
        }
    }

    static List<Violation> scan(Path classesDir) {
        List<Violation> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classesDir)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                Instructions.walk(Files.readAllBytes(file), new Scanner(found));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static String reasonFor(String owner, String member) {
        for (Map.Entry<String, String> type : FORBIDDEN_TYPES.entrySet()) {
            String key = type.getKey();
            if (key.endsWith("/") ? owner.startsWith(key) : owner.equals(key) || owner.startsWith(key + "$")) {
                return type.getValue();
            }
        }
        if (member == null) {
            return null;
        }
        if (STACK_INSPECTION.contains(member)) {
            return "inspecting the caller's stack";
        }
        Set<String> forbidden = FORBIDDEN_METHODS.get(owner);
        if (forbidden != null && forbidden.contains(member)) {
            return member.equals("exit") ? "ending the JVM" : "reaching outside the lab";
        }
        Set<String> allowed = ALLOWED_ONLY.get(owner);
        if (allowed != null && !allowed.contains(member)) {
            return owner.equals("java/lang/Runtime") ? "ending the JVM or starting processes" : "reflection";
        }
        return null;
    }

    private static final class Scanner implements Instructions.Listener {
        private final List<Violation> found;

        Scanner(List<Violation> found) {
            this.found = found;
        }

        @Override
        public void call(Instructions.Place place, String owner, String member, String desc) {
            String reason = reasonFor(owner, member);
            if (reason == null && member.equals("printStackTrace") && !desc.startsWith("()")) {
                reason = "inspecting the caller's stack";
            }
            if (reason == null && member.equals("<init>") && FILE_WRITERS.contains(owner)
                    && (desc.startsWith("(Ljava/lang/String;") || desc.startsWith("(Ljava/io/File;"))) {
                reason = "file access";
            }
            report(place, owner, member, reason);
        }

        @Override
        public void field(Instructions.Place place, String owner, String member) {
            report(place, owner, member, owner.equals("java/lang/System") && member.equals("in")
                    ? "reading the grader's input" : reasonFor(owner, null));
        }

        @Override
        public void type(Instructions.Place place, String type) {
            report(place, type, null, reasonFor(type, null));
        }

        private void report(Instructions.Place place, String owner, String member, String reason) {
            if (reason != null) {
                String what = owner.replace('/', '.') + (member == null || member.equals("<init>") ? "" : "." + member);
                found.add(new Violation(place.toString(), what, reason));
            }
        }
    }
}
