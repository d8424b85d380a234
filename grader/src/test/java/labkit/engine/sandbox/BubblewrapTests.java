package labkit.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labkit.engine.text.Messages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a run's sandbox is chosen, and that its limits hold, measured with a lower cap than grading uses. */
@Timeout(120)
class BubblewrapTests {

    @Test
    @DisplayName("off: no sandbox, and the note says it was turned off")
    void offMeansNone() {
        OsSandbox sandbox = OsSandbox.select(SandboxMode.OFF, Tools.find("bwrap"));
        assertThat(sandbox.active()).isFalse();
        assertThat(sandbox.os()).isEqualTo("none");
        assertThat(sandbox.note()).isEqualTo(Messages.format("engine.sandbox.off"));
        assertThat(sandbox.wrap(List.of("java", "-version"), null)).containsExactly("java", "-version");
    }

    @Test
    @DisplayName("auto without bwrap: graded without the sandbox, and the note says why")
    void autoWithoutBwrapRunsUnsandboxed() {
        OsSandbox sandbox = OsSandbox.select(SandboxMode.AUTO, Optional.of(Path.of("/nonexistent/bwrap")));
        assertThat(sandbox.active()).isFalse();
        assertThat(sandbox.note()).isEqualTo(Messages.format("engine.sandbox.unavailable", Messages.format("engine.sandbox.not-installed")));
        assertThat(sandbox.orFail()).isSameAs(sandbox);
    }

    @Test
    @DisplayName("required without bwrap: the whole run is an error with a one-line reason")
    void requiredWithoutBwrapIsAnError() {
        OsSandbox sandbox = OsSandbox.select(SandboxMode.REQUIRED, Optional.empty());
        assertThatThrownBy(sandbox::orFail).isInstanceOf(SandboxUnavailableException.class)
                .hasMessage(Messages.format("engine.sandbox.required-but-unavailable", Messages.format("engine.sandbox.not-installed")))
                .hasMessageNotContaining("\n");
    }

    @Test
    @DisplayName("the mode comes from -Dgrader.sandbox, auto by default; a typo is an error that lists the modes")
    void modeFromProperty() {
        assertThat(SandboxMode.parse(null)).isEqualTo(SandboxMode.AUTO);
        assertThat(SandboxMode.parse(" Required ")).isEqualTo(SandboxMode.REQUIRED);
        assertThatThrownBy(() -> SandboxMode.parse("yes")).hasMessage("-Dgrader.sandbox=yes: use auto, required or off");
    }

    @Test
    @DisplayName("in the sandbox, threads beyond the task cap and files beyond the size cap are refused")
    void limitsHold() throws Exception {
        Optional<Path> bwrap = Tools.find("bwrap");
        Assumptions.assumeTrue(OsSandbox.select(SandboxMode.AUTO, bwrap).active(), "needs bwrap, which cannot start here");
        Bubblewrap low = new Bubblewrap(bwrap.get(), Tools.find("setpriv").get(), Tools.find("prlimit").get(), Tools.runningAsRoot(),
                new Limits(300, 1024 * 1024, 256));
        Path scratch = Files.createTempDirectory(Path.of("target"), "bwrap-limits").toAbsolutePath();
        Path classes = Path.of(ThreadBombTestCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<Path> readOnly = new ArrayList<>(JdkFiles.of(javaHome));
        readOnly.add(classes);
        List<String> java = List.of(javaHome.resolve("bin/java").toString(), "-Xss256k", "-cp", classes.toString(),
                ThreadBombTestCase.class.getName(), Long.toString(1024 * 1024));
        Process p = new ProcessBuilder(low.command(java, new Layout(scratch, readOnly, List.of()))).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("sandbox limits measured: " + out.replace('\n', ' '));

        Matcher threads = Pattern.compile("threads refused after (\\d+)").matcher(out);
        assertThat(threads.find()).as(out).isTrue();
        // The JVM's own threads (about 20) count against the cap as well.
        assertThat(Integer.parseInt(threads.group(1))).isBetween(200, 300);
        assertThat(out).contains("file refused: File too large");
    }
}
