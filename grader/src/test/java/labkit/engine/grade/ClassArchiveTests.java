package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.child.ChildMain;
import labkit.engine.child.EventSignature;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forked JVMs share one recorded archive of the kit's classes, and only where it can be trusted and used. */
class ClassArchiveTests {

    @Test
    @DisplayName("a jar-only class path gets an archive, recorded once, that a grading JVM then loads the kit's classes from")
    void recordedOnceAndUsed(@TempDir Path tmp) throws Exception {
        String classpath = jarOnlyKitClasspath(tmp);
        Path folder = tmp.resolve("archives");

        Path archive = ClassArchive.find(classpath, ProbeSuite.class, folder).orElseThrow();
        long recordedAt = Files.getLastModifiedTime(archive).toMillis();
        assertThat(ClassArchive.find(classpath, ProbeSuite.class, folder)).contains(archive);
        assertThat(Files.getLastModifiedTime(archive).toMillis()).isEqualTo(recordedAt);
        assertThat(folder.resolve(archive.getFileName()).toFile()).exists();

        List<String> loaded = classesLoaded(classpath, archive, tmp);
        assertThat(loaded).filteredOn(l -> l.contains(" labkit.engine.child.GradingExtension "))
                .singleElement().asString().contains("shared objects file");
        assertThat(loaded).filteredOn(l -> l.contains("org.junit.platform.launcher.core.") && l.contains("shared objects file"))
                .isNotEmpty();
    }

    @Test
    @DisplayName("a class path with a class folder (the kit's own tests) gets none: such folders cannot be archived")
    void noArchiveForClassFolders(@TempDir Path tmp) {
        assertThat(ClassArchive.find(KitClasspath.get(), ProbeSuite.class, tmp)).isEmpty();
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    @DisplayName("a changed kit jar is a new archive: the key follows each jar's size and time")
    void keyFollowsTheJars(@TempDir Path tmp) throws IOException {
        Path jar = tmp.resolve("kit.jar");
        Files.write(jar, new byte[] {1});
        String before = ClassArchive.key(jar.toString());
        Files.write(jar, new byte[] {1, 2});
        assertThat(ClassArchive.key(jar.toString())).isNotEqualTo(before);
    }

    /** The test class path with its class folders packed into jars, as an exported student repository has it. */
    private static String jarOnlyKitClasspath(Path tmp) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : KitClasspath.get().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = tmp.resolve("folder-" + n++ + ".jar");
                pack(path, jar);
                entries.add(jar.toString());
            } else if (entry.endsWith(".jar")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    /** The class-loading log of a grading JVM (a suite against an empty class folder) started with the archive. */
    private static List<String> classesLoaded(String classpath, Path archive, Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("run"));
        Path empty = Files.createDirectories(work.resolve("classes"));
        Path log = work.resolve("classes.log");
        List<String> cmd = new ArrayList<>(ChildRun.jvmOptions(work));
        cmd.addAll(ClassArchive.options(archive));
        cmd.addAll(List.of("-Xlog:class+load=info:file=" + log, "-cp", classpath, ChildMain.class.getName(),
                ProbeSuite.class.getName(), empty.toString(), work.resolve("events.jsonl").toString(), "0", ""));
        Process process = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.txt").toFile()).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(EventSignature.encode(new byte[32]).getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(log);
    }
}
