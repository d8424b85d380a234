package labkit.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The student's text in any report can start no workflow command, heading, fence or fake grade line. */
class ReportTextTests {

    static final Pattern FAKE_POINTS = Pattern.compile("(?i)points\\s*[\\d.]+\\s*/\\s*[\\d.]+");

    /** Whether some line, after leading white space as the Actions runner trims it, starts a workflow command. */
    static boolean startsACommand(String text) {
        return text.lines().anyMatch(l -> l.stripLeading().startsWith("::"));
    }

    @Test
    @DisplayName("clean: no line starts a workflow command, no terminal escape, no Points X/Y, line ends made \\n")
    void clean() {
        String clean = ReportText.clean(Reports.HOSTILE);
        assertThat(startsACommand(clean)).isFalse();
        assertThat(clean).doesNotContain("\u001b", "\r").doesNotContainPattern(FAKE_POINTS)
                .contains(": :error file=x.java::forged", "  : :set-output", "Points 25 of 25");
        assertThat(ReportText.clean("a\u202Eb\u0000c\td")).isEqualTo("abc\td");
    }

    @Test
    @DisplayName("fenced: the fence is longer than any run of backticks inside, so the text cannot close it")
    void fenced() {
        String block = ReportText.fenced("x\n````\n# not a heading");
        assertThat(block).startsWith("`````\n").endsWith("\n`````\n").contains("\n````\n# not a heading\n");
        assertThat(ReportText.fenced("plain")).isEqualTo("```\nplain\n```\n");
    }

    @Test
    @DisplayName("inline: HTML, pipes, backticks and heading marks are shown as typed, on one line")
    void inline() {
        assertThat(ReportText.inline("# a | <img src=x onerror=alert(1)> `b`\nc"))
                .isEqualTo("\\# a \\| &lt;img src=x onerror=alert(1)&gt; \\`b\\` c");
    }

    @Test
    @DisplayName("indented: every line of the student's text starts with the quote, which is not white space")
    void indented() {
        assertThat(ReportText.indented("::error::x\n  ::warning::y", "  > ")).isEqualTo("  > : :error::x\n  >   : :warning::y\n");
    }
}
