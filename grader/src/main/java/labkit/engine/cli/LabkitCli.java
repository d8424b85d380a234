package labkit.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.grade.GradeRequest;
import labkit.engine.grade.Grader;
import labkit.engine.grade.LabCatalog;
import labkit.engine.grade.LabDefinition;
import labkit.engine.report.GradeReport;
import labkit.engine.text.Messages;

/**
 * {@code java -jar labkit.jar grade DIR [--assignments a,b] [--check ID[,ID...]] [--seed N] [--out OUT]}:
 * the same grading as {@code mvn test}, without Maven. Exit status 0 when every graded check
 * passed, 1 when one failed, 2 for bad usage (one line on stderr says why), 3 when the grader
 * itself failed.
 */
public final class LabkitCli {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    /** A path that needs no quoting in a shell command. */
    private static final Pattern PLAIN = Pattern.compile("[\\w./@%+=:,-]+");

    private LabkitCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), program()));
    }

    /**
     * Runs the command and returns its exit status.
     *
     * @param program how the user started the grader ({@code java -jar labkit.jar}), for rerun hints
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, String program) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(Messages.format("cli.error.try-help", e.getMessage()));
            return USAGE;
        }
        if (arguments.help()) {
            out.println(Messages.format("cli.help", program, LabCatalog.discover().stream().map(LabDefinition::id)
                    .collect(Collectors.joining(", "))));
            return PASSED;
        }
        Path work = null;
        try {
            GradeRequest request;
            try {
                work = Files.createTempDirectory("labkit-work-");
                request = request(arguments, program, work);
                Grader.validate(request);
                writable(arguments.out());
            } catch (IllegalArgumentException e) {
                err.println(Messages.format("cli.error", e.getMessage()));
                return USAGE;
            }
            GradeReport report = GradeRun.run(request, arguments.out(), out, env);
            return report.anyFailed() ? FAILED : PASSED;
        } catch (IOException | RuntimeException e) {
            err.println(Messages.format("cli.internal-error", e));
            e.printStackTrace(err);
            return INTERNAL;
        } finally {
            delete(work);
        }
    }

    private static GradeRequest request(CliArguments arguments, String program, Path work) {
        Path dir = readable(arguments.dir());
        String rerun = program + " grade " + quoted(arguments.dir());
        return new GradeRequest(dir, arguments.dir(), GradeRun.list(arguments.assignments()),
                GradeRun.joined(GradeRun.list(arguments.checks())), GradeRun.seed(arguments.seed()), work, rerun, List.of());
    }

    private static Path readable(String given) {
        Path dir = Path.of(given).toAbsolutePath().normalize();
        String why = !Files.exists(dir) ? "cli.dir-missing" : !Files.isDirectory(dir) ? "cli.dir-not-folder"
                : !Files.isReadable(dir) ? "cli.dir-not-readable" : null;
        if (why != null) {
            throw new IllegalArgumentException(Messages.format("cli.unreadable-dir", given, Messages.format(why)));
        }
        return dir;
    }

    /** Fails before grading, not after minutes of it, when the reports cannot be written. */
    private static void writable(Path out) {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".labkit-", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(Messages.format("cli.unwritable-out", out, e.getMessage()));
        }
    }

    /** {@code given} as a shell word: as it is when plain, else in single quotes. */
    static String quoted(String given) {
        return PLAIN.matcher(given).matches() ? given : "'" + given.replace("'", "'\\''") + "'";
    }

    /** {@code java -jar <the jar as the user named it>} when run from a jar, else the documented form. */
    static String program() {
        String classPath = System.getProperty("java.class.path", "");
        boolean oneJar = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator);
        return "java -jar " + (oneJar ? quoted(classPath) : "labkit.jar");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a grade for.
        }
    }
}
