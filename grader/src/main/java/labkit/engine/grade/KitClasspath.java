package labkit.engine.grade;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The class path of the kit (contracts, engine, suites, libraries) for the forked JVM. It never
 * holds the reference solutions: the grader does not depend on them.
 *
 * <p>Under surefire that is the test class path; from {@code java -jar labkit.jar} it is the jar.
 * Entries are made absolute, because the forked JVM runs in a scratch folder of its own and
 * {@code java -jar labkit.jar} gives a relative one.
 */
final class KitClasspath {

    private KitClasspath() {}

    static String get() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return absolute(path);
    }

    static String absolute(String path) {
        return Arrays.stream(path.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
