package labkit.engine.grade;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import labkit.engine.text.FileNames;

/**
 * Compiles one lab of a submission on its own, against the kit's contracts only, for the JDK that
 * grades it: the code runs on that JDK, so an API it has (virtual threads on 21+) must not be a
 * compile error. The template's workflow grades on 17, the kit's baseline.
 */
final class LabCompiler {

    static final int MAX_ERRORS = 20;

    /**
     * The compiled classes, or the compiler's message when it failed; and the files that were not
     * UTF-8 and were read as {@link SourceFile#LEGACY}.
     */
    record Result(boolean ok, Path classes, String message, List<Path> legacyEncoded) {}

    private LabCompiler() {}

    static Result compile(List<Path> sources, Path contractClasspath, Path sourceRoot, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler: grade with a JDK, not a JRE.");
        }
        recreate(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", String.valueOf(Runtime.version().feature()), "-encoding", "UTF-8", "-proc:none", "-implicit:none",
                    "-g", "-nowarn", "-Xmaxerrs", String.valueOf(MAX_ERRORS),
                    "-classpath", contractClasspath.toString(), "-d", out.toString());
            List<SourceFile> units = sources.stream().map(SourceFile::read).collect(Collectors.toList());
            List<Path> legacy = units.stream().filter(SourceFile::legacy).map(SourceFile::path).collect(Collectors.toList());
            StringWriter javacOutput = new StringWriter();
            boolean ok = javac.getTask(javacOutput, files, diagnostics, options, null, units).call();
            return new Result(ok, out, ok ? null : describe(diagnostics, sourceRoot), legacy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics, Path sourceRoot) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> where(d, sourceRoot) + ": error: " + d.getMessage(Locale.ENGLISH))
                .collect(Collectors.joining("\n"));
    }

    private static String where(Diagnostic<? extends JavaFileObject> d, Path sourceRoot) {
        if (d.getSource() == null) {
            return "javac";
        }
        Path file = Path.of(d.getSource().toUri());
        String name = file.startsWith(sourceRoot) ? sourceRoot.relativize(file).toString() : file.getFileName().toString();
        return FileNames.shown(name) + ":" + d.getLineNumber();
    }

    static void recreate(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
