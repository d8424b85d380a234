package labkit.engine.child;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The settings the grading process hands the forked JVM, as JUnit configuration parameters. */
public final class ChildConfig {

    public static final String SEED = "labkit.seed";
    public static final String CHECKS = "labkit.checks";
    public static final String CLASSES = "labkit.classes";

    final long seed;
    final Set<String> checks;
    final Path classes;

    private ChildConfig(long seed, Set<String> checks, Path classes) {
        this.seed = seed;
        this.checks = checks;
        this.classes = classes;
    }

    static ChildConfig from(ExtensionContext context) {
        return new ChildConfig(
                context.getConfigurationParameter(SEED).map(Long::parseLong).orElse(0L),
                context.getConfigurationParameter(CHECKS).map(ChildConfig::split).orElse(Set.of()),
                context.getConfigurationParameter(CLASSES).map(Path::of).orElse(null));
    }

    private static Set<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    boolean selects(String checkId) {
        return checks.isEmpty() || checks.contains(checkId);
    }
}
