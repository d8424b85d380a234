package labkit.engine.grade;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@code -javaagent:} option the kit passes to its forked JVMs (its coverage agent): the sandbox
 * must show the agent's jar and let it write its {@code destfile}.
 */
record JavaAgent(Path jar, Optional<Path> output) {

    private static final String PREFIX = "-javaagent:";

    static Optional<JavaAgent> parse(String jvmArg) {
        if (!jvmArg.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String spec = jvmArg.substring(PREFIX.length());
        int eq = spec.indexOf('=');
        Path jar = Path.of(eq < 0 ? spec : spec.substring(0, eq));
        Optional<Path> output = eq < 0 ? Optional.empty() : Arrays.stream(spec.substring(eq + 1).split(","))
                .filter(o -> o.startsWith("destfile=")).map(o -> Path.of(o.substring("destfile=".length()))).findFirst();
        return Optional.of(new JavaAgent(jar, output));
    }
}
