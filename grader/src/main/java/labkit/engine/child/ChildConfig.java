package labkit.engine.child;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The settings the grading process hands the forked JVM, as JUnit configuration parameters.
 *
 * <p>The student's classes come from the folder {@link #CLASSES} names. Only the kit's mutation
 * testing of its references sets {@link #CLASSES_FROM_CLASS_PATH} instead (see
 * {@code labkit.engine.mutation.InProcessSuite}): PIT mutates classes already on the class path,
 * so the submission is taken from there. {@link ChildMain}, the only way a student's code is run,
 * always passes a folder, which wins over the switch; without either the suite cannot start.
 */
public final class ChildConfig {

    public static final String SEED = "labkit.seed";
    public static final String CHECKS = "labkit.checks";
    public static final String CLASSES = "labkit.classes";
    /** {@code true}: the student class is loaded from the class path (mutation testing of the references only). */
    public static final String CLASSES_FROM_CLASS_PATH = "labkit.classes-from-class-path";

    final long seed;
    final Set<String> checks;
    /** The student's classes folder; {@code null} when they come from the class path. */
    final Path classes;

    private ChildConfig(long seed, Set<String> checks, Path classes) {
        this.seed = seed;
        this.checks = checks;
        this.classes = classes;
    }

    static ChildConfig from(ExtensionContext context) {
        return from(context::getConfigurationParameter);
    }

    static ChildConfig from(Function<String, Optional<String>> parameters) {
        return new ChildConfig(
                parameters.apply(SEED).map(Long::parseLong).orElse(0L),
                parameters.apply(CHECKS).map(ChildConfig::split).orElse(Set.of()),
                classes(parameters));
    }

    private static Path classes(Function<String, Optional<String>> parameters) {
        Optional<String> folder = parameters.apply(CLASSES);
        if (folder.isPresent()) {
            return Path.of(folder.get());
        }
        if (parameters.apply(CLASSES_FROM_CLASS_PATH).map(Boolean::parseBoolean).orElse(false)) {
            return null;
        }
        throw new IllegalStateException("the kit started a suite without " + CLASSES + " (the student's classes folder)");
    }

    private static Set<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    boolean selects(String checkId) {
        return checks.isEmpty() || checks.contains(checkId);
    }
}
