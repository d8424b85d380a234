package labkit.engine.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A submission on disk: a student repository made from the template, or any folder whose
 * {@code src/main/java} (or the folder itself) holds {@code lab/...} sources. Only a lab's own
 * package is taken; copies of the kit's types are left out so that they cannot shadow the contract.
 */
final class SubmissionFolder {

    private final Path sourceRoot;

    SubmissionFolder(Path dir) {
        Path maven = dir.resolve("src/main/java");
        this.sourceRoot = Files.isDirectory(maven) ? maven : dir;
    }

    /** The lab's sources, and the names of the files left out because they copy a kit type. */
    record Sources(List<Path> files, List<String> shadowing) {
        boolean isEmpty() {
            return files.isEmpty();
        }
    }

    Sources sourcesOf(String packageName, Set<String> kitTypes) {
        Path dir = sourceRoot.resolve(packageName.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return new Sources(List.of(), List.of());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
            List<String> shadowing = all.stream().map(p -> p.getFileName().toString())
                    .filter(name -> kitTypes.contains(name.substring(0, name.length() - ".java".length())))
                    .collect(Collectors.toList());
            List<Path> kept = all.stream().filter(p -> !shadowing.contains(p.getFileName().toString()))
                    .collect(Collectors.toList());
            return new Sources(kept, shadowing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path sourceRoot() {
        return sourceRoot;
    }
}
