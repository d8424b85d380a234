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
import labkit.engine.text.FileNames;
import labkit.engine.text.Messages;

/**
 * A submission on disk: a student repository made from the template, or any folder whose
 * {@code src/main/java} (or the folder itself) holds {@code lab/...} sources. Only a lab's own
 * package is taken; copies of the kit's types are left out so that they cannot shadow the contract.
 */
final class SubmissionFolder {

    /** How deep a misplaced file is looked for: deeper than any sensible project layout. */
    private static final int SEARCH_DEPTH = 12;
    /** How many entries of the submission are looked at when searching it: a huge tree costs no more. */
    private static final int SEARCH_ENTRIES = 20_000;

    /*
     * Caps on what is read of a lab's folder, far above any real lab (the references are a few KiB in
     * one to three files), so that a hostile submission (a sparse 3 GiB source, a million files)
     * ends with a verdict instead of running the grading process out of memory or time.
     */
    /** Entries of any kind in the lab's package folder. */
    static final int MAX_ENTRIES = 1_000;
    /** Java sources of one lab. */
    static final int MAX_SOURCES = 100;
    /** One source file. */
    static final long MAX_SOURCE_BYTES = 256 * 1024;
    /** All of a lab's sources. */
    static final long MAX_LAB_BYTES = 1024 * 1024;
    /** How deep the lab's package folder is walked. */
    private static final int MAX_DEPTH = 16;

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
            return walk.limit(SEARCH_ENTRIES).filter(p -> p.getFileName() != null && p.getFileName().toString().equals(fileName))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> FileNames.shown(dir.relativize(p).toString().replace('\\', '/')))
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
    /**
     * The names are shown as {@link FileNames#shown}. {@code refusal}, when not {@code null}, says
     * why none of the files is read (a cap was passed) and {@code files} is empty.
     */
    record Sources(List<Path> files, List<String> shadowing, List<String> links, String refusal) {
        boolean isEmpty() {
            return files.isEmpty();
        }
    }

    Sources sourcesOf(String packageName, Set<String> kitTypes) {
        Path dir = sourceRoot.resolve(packageName.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return new Sources(List.of(), List.of(), List.of(), null);
        }
        if (!insideSubmission(dir)) {
            return new Sources(List.of(), List.of(), List.of(shown(dir)), null);
        }
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            List<Path> entries = walk.limit(MAX_ENTRIES + 1L).collect(Collectors.toList());
            if (entries.size() > MAX_ENTRIES) {
                return refused(Messages.format("engine.lab.too-many-files", shown(dir), MAX_ENTRIES));
            }
            List<Path> java = entries.stream().filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            List<String> links = java.stream().filter(Files::isSymbolicLink).map(this::shown).collect(Collectors.toList());
            List<Path> all = java.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .collect(Collectors.toList());
            List<String> shadowing = all.stream().map(p -> p.getFileName().toString())
                    .filter(name -> kitTypes.contains(name.substring(0, name.length() - ".java".length())))
                    .collect(Collectors.toList());
            List<Path> kept = all.stream().filter(p -> !shadowing.contains(p.getFileName().toString()))
                    .collect(Collectors.toList());
            String tooMuch = tooMuch(kept);
            return tooMuch != null ? refused(tooMuch)
                    : new Sources(kept, shadowing.stream().map(FileNames::shown).collect(Collectors.toList()), links, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why {@code sources} are too many or too large to be read, or {@code null}; sizes come from the file system, nothing is read. */
    private String tooMuch(List<Path> sources) throws IOException {
        if (sources.size() > MAX_SOURCES) {
            return Messages.format("engine.lab.too-many-sources", sources.size(), MAX_SOURCES);
        }
        long total = 0;
        for (Path source : sources) {
            long size = Files.size(source);
            if (size > MAX_SOURCE_BYTES) {
                return Messages.format("engine.lab.source-too-large", shown(source), kib(size), kib(MAX_SOURCE_BYTES));
            }
            total += size;
        }
        return total > MAX_LAB_BYTES ? Messages.format("engine.lab.sources-too-large", kib(total), kib(MAX_LAB_BYTES)) : null;
    }

    private static Sources refused(String why) {
        return new Sources(List.of(), List.of(), List.of(), why);
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /** {@code path} relative to the source root, as a message may show it. */
    String shown(Path path) {
        return FileNames.shown(sourceRoot.relativize(path).toString().replace('\\', '/'));
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
