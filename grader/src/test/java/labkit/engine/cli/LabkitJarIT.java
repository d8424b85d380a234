package labkit.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import labkit.engine.report.GradeReport;
import labkit.engine.report.ReportWriter;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built {@code grader/target/labkit.jar}, run as a user runs it (bound to {@code verify}, after
 * {@code package} made the jar): the forked JVMs start from the jar, the student's code compiles
 * against the contracts inside it, and the exit status, the files and the annotations are right.
 */
@Timeout(600)
class LabkitJarIT {

    /** What the process printed and returned. */
    record Run(int status, String out, String err) {}

    private static Run java(Path workDir, List<String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "labkit.jar"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("labkit-jar-out", ".txt");
        Path err = Files.createTempFile("labkit-jar-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("GITHUB_ACTIONS");
        for (int i = 0; i < env.size(); i += 2) {
            builder.environment().put(env.get(i), env.get(i + 1));
        }
        Process process = builder.start();
        if (!process.waitFor(500, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("java -jar labkit.jar did not end within 500 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("java -jar labkit.jar (a relative path) grades in forked JVMs from the jar, exits 1 on a failure, annotates the student's line")
    void gradesFromTheJar() throws Exception {
        Path target = KitGrading.root().resolve("grader/target");
        Path out = target.resolve("kit-work/jar-run");
        String attempt = KitGrading.root().resolve("samples/student-attempt").toString();
        Run run = java(target, List.of("GITHUB_ACTIONS", "true"), "grade", attempt,
                "--check", "counter.sequential,counter.lock-released-after-exception", "--seed", "7", "--out", out.toString());

        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        GradeReport report = ReportWriter.read(out.resolve("rerun/grade.json"));
        assertThat(report.assignment("counter").check("counter.sequential").status()).isEqualTo("passed");
        assertThat(report.assignment("counter").check("counter.lock-released-after-exception").status()).isEqualTo("failed");
        assertThat(run.out()).contains("Rerun just this check: java -jar labkit.jar grade " + attempt
                        + " --check counter.lock-released-after-exception --seed 7")
                .contains("::error file=src/main/java/lab/counter/LockCounter.java,line=19,title=counter.lock-released-after-exception")
                .contains("::notice title=labkit grade::2 checks rerun: 1 passed");
        JsonNode classroom = new ObjectMapper().readTree(out.resolve("rerun/classroom.json").toFile());
        assertThat(classroom.get("status").asText()).isEqualTo("fail");
        assertThat(classroom.get("tests")).hasSize(2);
        assertThat(out.resolve("rerun/results.json")).content().contains("\"tags\" : [ \"counter\", \"correctness\" ]");
    }

    @Test
    @DisplayName("the jar holds the contracts, never a class of the reference solutions")
    void noReferenceInside() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(KitGrading.root().resolve("grader/target/labkit.jar").toFile())) {
            List<String> labClasses = jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(n -> n.startsWith("lab/") && n.endsWith(".class")).toList();
            assertThat(labClasses).contains("lab/counter/Counter.class", "lab/fetcher/FetchResult.class")
                    .noneMatch(n -> n.matches(".*/(LockCounter|SemaphorePool|ConditionBuffer|ParallelFetcher)(\\$.*)?\\.class"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(LabkitCli.class.getName());
        }
    }

    @Test
    @DisplayName("java -jar labkit.jar with a folder that does not exist exits 2 with one line on stderr")
    void unreadableFolder() throws Exception {
        Run run = java(KitGrading.root().resolve("grader/target"), List.of(), "grade", "no-such-submission");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("labkit: cannot read the submission folder no-such-submission: it does not exist"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }
}
