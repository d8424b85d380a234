package labkit.engine.grade;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import labkit.engine.child.ChildMain;
import labkit.engine.child.EventSignature;

/**
 * A class-data-sharing archive of the kit's own classes (JUnit, ArchUnit, the engine, the suites)
 * for the forked JVMs: each of them loads some 2,700 classes before the first check, which costs
 * about a second of CPU per JVM without it and a third of that with it.
 *
 * <p>The archive is recorded once per JDK and kit class path, beside the first grading, by a JVM that runs the kit's code
 * alone (a suite against an empty class folder, never a student's class), kept in a folder only
 * this user can write ({@code -Dgrader.classArchiveDir}, default {@code ~/.cache/labkit}), and
 * mapped read-only by the graded JVMs. The JVM itself checks on every start that the archive
 * matches its version and the kit's jars (path, size and time), and silently does without it
 * otherwise, so a stale or damaged archive costs speed, never a verdict. Class folders cannot be
 * archived (the kit's own tests run from {@code target/classes}); then there is none.
 * {@code -Dgrader.classArchive=off} turns it off.
 */
final class ClassArchive {

    static final String PROPERTY = "grader.classArchive";
    static final String DIR_PROPERTY = "grader.classArchiveDir";
    /** Recording runs the kit's code for a few seconds; longer means something is wrong with this machine. */
    static final int RECORD_TIMEOUT_SECONDS = 60;

    /** The archive once known (present, or none possible); null while it is being looked for or recorded. */
    private static Optional<Path> known;
    private static boolean looking;

    private ClassArchive() {}

    /**
     * The archive for {@code classpath}, or empty while there is none yet: the first call looks for
     * it, and records it when missing, on a thread of its own, so that no grading ever waits for the
     * recording; the JVMs started after it is done use it.
     */
    static synchronized Optional<Path> forKit(String classpath, Class<?> anySuite) {
        if (known == null && !looking) {
            looking = true;
            Thread recorder = new Thread(() -> {
                Optional<Path> found = find(classpath, anySuite);
                synchronized (ClassArchive.class) {
                    known = found;
                }
            }, "grader-class-archive");
            recorder.setDaemon(true);
            recorder.start();
        }
        return known == null ? Optional.empty() : known;
    }

    /** The options that make a JVM use {@code archive}, quietly (a mismatch is not the student's business). */
    static List<String> options(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static Optional<Path> find(String classpath, Class<?> anySuite) {
        if ("off".equalsIgnoreCase(System.getProperty(PROPERTY, "on").trim())) {
            return Optional.empty();
        }
        String asked = System.getProperty(DIR_PROPERTY, "").trim();
        return find(classpath, anySuite, asked.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache", "labkit") : Path.of(asked));
    }

    /** The archive for {@code classpath} in {@code folder}, recorded when missing; empty when there can be none. */
    static Optional<Path> find(String classpath, Class<?> anySuite, Path folder) {
        if (!onlyJars(classpath)) {
            return Optional.empty();
        }
        try {
            Path dir = privateFolder(folder);
            if (dir == null) {
                return Optional.empty();
            }
            Path archive = dir.resolve(key(classpath) + ".jsa");
            if (Files.isRegularFile(archive)) {
                return Optional.of(archive);
            }
            return record(classpath, anySuite, dir, archive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean onlyJars(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of)
                .allMatch(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p));
    }

    /** The archive folder, writable by this user alone; null when it is not ours (another user could plant an archive). */
    private static Path privateFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            if (!Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
                return null;
            }
            // Others may read the archive (the graded JVM runs as a user of its own under the sandbox), never write it.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        }
        return dir;
    }

    /** What the JVM checks the archive against: its own build and the kit's jars. */
    static String key(String classpath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : classpath.split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                sha.update((entry + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return "kit-" + HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code anySuite} against an empty class folder in a JVM that records what it loads. */
    private static Optional<Path> record(String classpath, Class<?> anySuite, Path dir, Path archive)
            throws IOException {
        Path work = Files.createTempDirectory(dir, "record-");
        try {
            Path recorded = work.resolve("kit.jsa");
            Path empty = Files.createDirectory(work.resolve("classes"));
            Path events = work.resolve("events.jsonl");
            List<String> cmd = new ArrayList<>(ChildRun.jvmOptions(work));
            cmd.add("-XX:ArchiveClassesAtExit=" + recorded);
            cmd.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classpath, ChildMain.class.getName(),
                    anySuite.getName(), empty.toString(), events.toString(), "0", ""));
            Process process = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("output.txt").toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                // The recording's events are thrown away; the secret only lets the child start as it always does.
                byte[] secret = new byte[32];
                new java.security.SecureRandom().nextBytes(secret);
                in.write(EventSignature.encode(secret).getBytes(StandardCharsets.US_ASCII));
            }
            if (!process.waitFor(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0
                    || !Files.isRegularFile(recorded)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            try {
                Files.move(recorded, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(recorded, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            if (archive.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return Optional.of(archive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            LabCompiler.recreate(work);
            Files.deleteIfExists(work);
        }
    }
}
