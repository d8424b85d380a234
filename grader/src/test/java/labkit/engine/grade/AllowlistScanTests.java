package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.scan.StaticScan;
import labkit.engine.scan.Violation;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allowlist against every submission the kit ships: the four references, the template's
 * skeletons, the README's sample attempt and every sample of the four labs pass the scan (a buggy sample's bug is for its suite to find, not the sandbox);
 * of the engine's and the hostile samples exactly those listed here are refused, for that use.
 */
@Timeout(600)
class AllowlistScanTests {

    private static final Path SAMPLES = KitGrading.root().resolve("grader/src/test/submissions");
    /** Every lab the kit grades, found as the grader finds them. */
    private static final List<String> LABS = LabCatalog.discover().stream().map(LabDefinition::id).collect(Collectors.toList());

    /** Sample of {@code submissions/engine} or {@code submissions/hostile} (counter lab) -> the first refused use. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("engine/exits", "LockCounter.java:8 uses java.lang.System.exit (ending the JVM)"),
            Map.entry("hostile/exit-in-static-init", "LockCounter.java:8 uses java.lang.System.exit (ending the JVM)"),
            Map.entry("hostile/halt-in-constructor", "LockCounter.java:8 uses java.lang.Runtime.halt (ending the JVM or starting processes)"),
            Map.entry("hostile/writes-grade-files", "uses java.nio.file.Path"),
            Map.entry("hostile/reflects-into-grader", "uses java.lang.Class.forName (reflection)"),
            Map.entry("hostile/class-in-grader-package", "LockCounter.java:7 uses labkit.engine.child.Forged.write (the grader's own classes)"),
            Map.entry("hostile/behaves-only-under-junit", "uses java.lang.Throwable.getStackTrace (inspecting the caller's stack)"),
            Map.entry("hostile/method-reference-escapes", "LockCounter.java:12 uses java.lang.Runtime.exec (ending the JVM or starting processes)"),
            Map.entry("hostile/reflection-through-beans", "LockCounter.java:11 uses java.beans.Expression (reflection)"),
            Map.entry("hostile/compiles-at-run-time", "LockCounter.java:10 uses javax.tools.ToolProvider.getSystemJavaCompiler (compiling code at run time)"),
            Map.entry("hostile/reads-files-through-urls", "LockCounter.java:10 uses java.net.URL (reading files or opening connections)"),
            Map.entry("hostile/logs-to-a-file", "LockCounter.java:11 uses java.util.logging.FileHandler (writing log files)"),
            Map.entry("hostile/prefs-jndi-rmi", "LockCounter.java:11 uses java.util.prefs.Preferences.userRoot (writing the user's preferences)"),
            Map.entry("hostile/inherits-refused-members", "LockCounter.java:14 uses lab.counter.LockCounter$Worker.getStackTrace (inspecting the caller's stack)"),
            Map.entry("hostile/finds-the-graders-threads", "LockCounter.java:10 uses java.lang.Thread.enumerate (inspecting the grader's threads)"),
            // The OS sandbox's and the verdict channel's samples, graded with the static scan off to test those layers alone.
            Map.entry("hostile/detaches-and-rewrites", "LockCounter.java:13 uses java.lang.ProcessBuilder (starting processes)"),
            Map.entry("hostile/endless-stack-trace", "LockCounter.java:15 uses java.lang.StackTraceElement (inspecting the caller's stack)"),
            Map.entry("hostile/endless-threads", "LockCounter.java:56 uses java.nio.file.Path.of (file access)"),
            Map.entry("hostile/forges-events", "LockCounter.java:16 uses java.lang.ProcessHandle.current (controlling processes)"),
            Map.entry("hostile/hangs-at-exit", "LockCounter.java:8 uses java.lang.Runtime.addShutdownHook (ending the JVM or starting processes)"),
            Map.entry("hostile/kills-the-grader", "LockCounter.java:8 uses java.lang.ProcessHandle.current (controlling processes)"),
            Map.entry("hostile/writes-at-exit", "LockCounter.java:19 uses java.util.logging.Handler (writing log files)"));

    static Stream<Arguments> labSubmissions() throws IOException {
        Stream.Builder<Arguments> all = Stream.builder();
        for (String lab : LABS) {
            all.add(Arguments.of(lab, KitGrading.reference()));
            all.add(Arguments.of(lab, KitGrading.root().resolve("assignments/template")));
            all.add(Arguments.of(lab, KitGrading.root().resolve("samples/student-attempt")));
            for (Path sample : children(SAMPLES.resolve(lab))) {
                boolean addsKitTypeOnly = sample.getFileName().toString().startsWith("shadows-");
                all.add(Arguments.of(lab, addsKitTypeOnly ? KitGrading.referenceWith(lab, sample.getFileName().toString()) : sample));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("labSubmissions")
    @DisplayName("the references and every lab sample use only allowed APIs")
    void labSubmissionPassesTheScan(String lab, Path submission) {
        assertThat(scan(lab, submission)).isEmpty();
    }

    @Test
    @DisplayName("of the engine's and the hostile samples, exactly the listed ones are refused, naming the line and the member")
    void hostileSamplesAreRefusedForTheirEscape() throws IOException {
        Map<String, List<String>> refused = new TreeMap<>();
        for (String folder : List.of("engine", "hostile")) {
            for (Path sample : children(SAMPLES.resolve(folder))) {
                List<Violation> found = scan("counter", sample);
                if (found != null && !found.isEmpty()) {
                    refused.put(folder + "/" + sample.getFileName(), found.stream().map(Violation::toString).collect(Collectors.toList()));
                }
            }
        }
        assertThat(refused.keySet()).as(refused.toString()).containsExactlyInAnyOrderElementsOf(REFUSED.keySet());
        refused.forEach((sample, uses) -> assertThat(uses.get(0)).as(sample).contains(REFUSED.get(sample)));
    }

    /** The refused uses in {@code lab} of {@code submission}, compiled as the grader does; {@code null} when it does not compile. */
    static List<Violation> scan(String lab, Path submission) {
        LabDefinition definition = LabCatalog.discover().stream().filter(l -> l.id().equals(lab)).findFirst().orElseThrow();
        SubmissionFolder folder = new SubmissionFolder(submission);
        Set<String> kitTypes = Grader.kitTypes(definition);
        SubmissionFolder.Sources sources = folder.sourcesOf(definition.packageName(), kitTypes);
        Path out = KitGrading.root().resolve("grader/target/kit-work/scan/" + lab + "-" + submission.getFileName() + "-"
                + Math.abs(submission.toString().hashCode()));
        if (sources.isEmpty()) {
            return List.of(); // engine/empty; a sample that only adds a kit type is scanned laid over the reference
        }
        LabCompiler.Result compiled = LabCompiler.compile(sources.files(), Grader.contractClasspath(definition), folder.sourceRoot(), out);
        if (!compiled.ok()) {
            return null;
        }
        CompiledClasses.keepOnlyLab(compiled.classes(), definition.packageName(), kitTypes);
        return StaticScan.scan(compiled.classes(), definition.id(), definition.packageName());
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
