package labkit.engine.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files a JDK needs to run: its home, and what its symbolic links lead to outside it (Debian's
 * JDKs keep {@code conf/security/java.security} and {@code cacerts} under {@code /etc}, without
 * which a JVM cannot even make a {@code Mac}). Found once per grading process.
 */
public final class JdkFiles {

    private static volatile List<Path> cached;

    private JdkFiles() {}

    /** {@code javaHome} and the targets of its links that lie outside it. */
    public static List<Path> of(Path javaHome) {
        List<Path> found = cached;
        if (found == null) {
            found = Stream.concat(Stream.of(javaHome), linkTargetsOutside(javaHome).stream()).distinct().collect(Collectors.toList());
            cached = found;
        }
        return found;
    }

    private static List<Path> linkTargetsOutside(Path javaHome) {
        try (Stream<Path> walk = Files.walk(javaHome)) {
            Path home = javaHome.toRealPath();
            return walk.filter(Files::isSymbolicLink)
                    .map(JdkFiles::realOrNull)
                    .filter(target -> target != null && !target.startsWith(home))
                    .distinct()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path realOrNull(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException dangling) {
            return null;
        }
    }
}
