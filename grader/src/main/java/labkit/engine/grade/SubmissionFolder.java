package labkit.engine.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A submission on disk: a student repository made from the template, or any folder whose
 * {@code src/main/java} (or the folder itself) holds {@code lab/...} sources. Only a lab's own
 * package is taken; copies of the kit's types are left out so that they cannot shadow the contract.
 */
final class SubmissionFolder {

    /** How deep a misplaced file is looked for: deeper than any sensible project layout. */
    private static final int SEARCH_DEPTH = 12;

    private final Path dir;
    private final Path sourceRoot;

    SubmissionFolder(Path dir) {
        this.dir = dir;
        Path maven = dir.resolve("src/main/java");
        this.sourceRoot = Files.isDirectory(maven) ? maven : dir;
    }

    /**
     * Where else in the submission a file called {@code fileName} is (an IDE's {@code src/lab/...}
     * layout, a forgotten package folder), relative to the submission, so that "missing" can say
     * where to move it. Build output and hidden folders are not searched.
     */
    Optional<String> misplaced(String fileName) {
        try (Stream<Path> walk = Files.walk(dir, SEARCH_DEPTH)) {
            return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(fileName))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(path -> !path.startsWith("target/") && !path.contains("/target/") && !path.startsWith(".")
                            && !path.contains("/."))
                    .sorted()
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * The lab's sources; the names of the files left out because they copy a kit type; and the
     * symbolic links left out, because a link could bring in files from outside the submission
     * (the hidden reference, on an instructor's machine).
     */
    record Sources(List<Path> files, List<String> shadowing, List<String> links) {
        boolean isEmpty() {
            return files.isEmpty();
        }
    }

    Sources sourcesOf(String packageName, Set<String> kitTypes) {
        Path dir = sourceRoot.resolve(packageName.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return new Sources(List.of(), List.of(), List.of());
        }
        if (!insideSubmission(dir)) {
            return new Sources(List.of(), List.of(), List.of(sourceRoot.relativize(dir).toString()));
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> java = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            List<String> links = java.stream().filter(Files::isSymbolicLink)
                    .map(p -> sourceRoot.relativize(p).toString()).collect(Collectors.toList());
            List<Path> all = java.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .collect(Collectors.toList());
            List<String> shadowing = all.stream().map(p -> p.getFileName().toString())
                    .filter(name -> kitTypes.contains(name.substring(0, name.length() - ".java".length())))
                    .collect(Collectors.toList());
            List<Path> kept = all.stream().filter(p -> !shadowing.contains(p.getFileName().toString()))
                    .collect(Collectors.toList());
            return new Sources(kept, shadowing, links);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code dir}, with every link on its way resolved, is still inside the source root. */
    private boolean insideSubmission(Path dir) {
        try {
            return dir.toRealPath().startsWith(sourceRoot.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    Path sourceRoot() {
        return sourceRoot;
    }
}
