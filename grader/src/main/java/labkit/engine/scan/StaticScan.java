package labkit.engine.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.bytecode.Instructions;

/**
 * The static layer of containment: student bytecode may name only the JDK APIs on the labs'
 * allowlist ({@link Allowlist}), its own types and the lab's contracts. Read with ASM from the
 * compiled classes before anything runs; nothing of the submission is loaded.
 */
public final class StaticScan {

    private StaticScan() {}

    /**
     * Every refused use in the class files under {@code classes}, once each, in file order: the
     * classes of lab {@code labId}, whose package is {@code labPackage}.
     */
    public static List<Violation> scan(Path classes, String labId, String labPackage) {
        List<byte[]> files = classFiles(classes);
        StudentClasses students = new StudentClasses();
        files.forEach(students::add);
        UseRules rules = new UseRules(Allowlist.forLab(labId), new JdkTypes(), students, labPackage.replace('.', '/') + "/");
        Set<Violation> found = new LinkedHashSet<>();
        for (byte[] file : files) {
            Instructions.walk(file, new UseScanner(rules, found));
        }
        return new ArrayList<>(found);
    }

    private static List<byte[]> classFiles(Path classes) {
        try (Stream<Path> walk = Files.walk(classes)) {
            List<byte[]> files = new ArrayList<>();
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                files.add(Files.readAllBytes(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
