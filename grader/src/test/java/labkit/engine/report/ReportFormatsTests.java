package labkit.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each report format as its reader reads it: the console, grade.md, Gradescope, the classroom reporter and the Actions runner. */
class ReportFormatsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SourceLocation AT = new SourceLocation("src/main/java/lab/counter/LockCounter.java", 14);

    private static GradeReport hostile() {
        return Reports.of(
                Reports.notGraded("buffer", "missing", "No lab.buffer.ConditionBuffer: the grader looked for src/main/java/lab/buffer/ConditionBuffer.java.", 16),
                Reports.graded("counter", Reports.passed("counter.a", 20),
                        Reports.failed("counter.b", 5, "Expected x, saw y.\n" + Reports.HOSTILE + "\n\nRerun just this check: mvn test", AT)));
    }

    /** The runner's reading of a workflow command line: its name, its properties (decoded) and its message (decoded). */
    record Command(String name, Map<String, String> properties, String message) {
        static Command parse(String line) {
            String body = line.stripLeading().substring(2);
            int end = body.indexOf("::");
            String info = body.substring(0, end);
            int space = info.indexOf(' ');
            Map<String, String> properties = new LinkedHashMap<>();
            if (space > 0) {
                for (String pair : info.substring(space + 1).split(",")) {
                    int eq = pair.indexOf('=');
                    properties.put(pair.substring(0, eq), unescape(pair.substring(eq + 1), true));
                }
            }
            return new Command(space > 0 ? info.substring(0, space) : info, properties, unescape(body.substring(end + 2), false));
        }

        private static String unescape(String text, boolean property) {
            String out = text.replace("%0D", "\r").replace("%0A", "\n");
            if (property) {
                out = out.replace("%3A", ":").replace("%2C", ",");
            }
            return out.replace("%25", "%");
        }
    }

    @Test
    @DisplayName("console: a missing lab is one line and its reason, each failure once under its id, the student's text behind the quote")
    void console() {
        String console = ConsoleReport.of(hostile());
        assertThat(console).startsWith("labkit grade of sub (seed 7)\n"
                + "buffer     missing        0 / 25           not graded, see below\n"
                + "counter    graded         20 / 25          1 of 2 checks passed\n"
                + "total                     20 / 50\n"
                + "\nbuffer was not graded (missing):\n"
                + "  > No lab.buffer.ConditionBuffer: the grader looked for src/main/java/lab/buffer/ConditionBuffer.java.\n"
                + "\nFAILED counter.b (0 / 5 points)\n"
                + "  > Expected x, saw y.\n");
        assertThat(console).doesNotContain("buffer.c0", "Not graded: the class is missing");
        assertThat(ReportTextTests.startsACommand(console)).isFalse();
        assertThat(console).doesNotContainPattern(ReportTextTests.FAKE_POINTS);
        assertThat(console.lines().filter(l -> l.startsWith("FAILED"))).hasSize(1);
    }

    @Test
    @DisplayName("console: checks of a lab that failed for the same reason are one block, under all their ids, with the first one's rerun line")
    void consoleGroupsTheSameReason() {
        String why = "Your code threw where the contract does not allow it: UnsupportedOperationException: TODO";
        GradeReport report = Reports.of(Reports.graded("counter", Reports.failed("counter.a", 2, why + "\n\nRerun just this check: x -Dcheck=counter.a", null),
                Reports.failed("counter.b", 3, "other", null),
                Reports.failed("counter.c", 1, why + "\n\nRerun just this check: x -Dcheck=counter.c", null)));
        String console = ConsoleReport.of(report);
        assertThat(console).endsWith("\nFAILED counter.a, counter.c (2 checks, 0 / 3 points, for the same reason)\n"
                + "  > " + why + "\n  > \n  > Rerun just this check: x -Dcheck=counter.a\n"
                + "\nFAILED counter.b (0 / 3 points)\n  > other\n");
    }

    @Test
    @DisplayName("grade.md: a missing lab has no table; the student's text stays inside its code block, HTML and headings neutralised")
    void markdown() {
        String md = MarkdownReport.of(hostile());
        assertThat(md).startsWith("# Grade: 20 / 50\n\n").contains("## buffer: 0 / 25 (missing)\n\n```\nNo lab.buffer.ConditionBuffer")
                .doesNotContain("buffer.c0", "<b>").contains("it works \\| &lt;b&gt;well&lt;/b&gt;")
                .contains("### FAILED `counter.b`\n\n````\nExpected x, saw y.\n");
        assertThat(headingsOutsideCode(md)).containsExactly("# Grade: 20 / 50", "## buffer: 0 / 25 (missing)",
                "## counter: 20 / 25 (graded)", "### FAILED `counter.b`");
        assertThat(ReportTextTests.startsACommand(md)).isFalse();
    }

    /** The lines that start a heading outside fenced code, as CommonMark reads them. */
    private static List<String> headingsOutsideCode(String md) {
        List<String> headings = new java.util.ArrayList<>();
        String fence = null;
        for (String line : md.split("\n")) {
            Matcher open = java.util.regex.Pattern.compile("^(`{3,}|~{3,})").matcher(line);
            if (fence == null && open.find()) {
                fence = open.group(1);
            } else if (fence != null && line.strip().equals(fence)) {
                fence = null;
            } else if (fence == null && line.matches(" {0,3}#{1,6}( .*)?")) {
                headings.add(line);
            }
        }
        return headings;
    }

    @Test
    @DisplayName("results.json: Gradescope's fields, numbered tests tagged with lab and category, visibility, and the lab's own message")
    void gradescope() throws Exception {
        CheckResult hidden = Reports.failed("counter.b", 5, "why", null).with("hidden", null);
        GradeReport report = Reports.of(Reports.notGraded("buffer", "compile_error", "lab/buffer/ConditionBuffer.java:3: error: ';' expected", 1),
                Reports.graded("counter", Reports.passed("counter.a", 20), hidden));
        JsonNode json = JSON.valueToTree(GradescopeResults.of(report));
        assertThat(json.fieldNames()).toIterable().containsExactly("score", "execution_time", "output", "output_format",
                "test_output_format", "stdout_visibility", "tests");
        assertThat(json.get("score").asDouble()).isEqualTo(20.0);
        assertThat(json.get("execution_time").asInt()).isEqualTo(3);
        assertThat(json.get("output").asText()).contains("buffer (compile_error):\nlab/buffer/ConditionBuffer.java:3: error: ';' expected");
        JsonNode b = json.get("tests").get(2);
        assertThat(b.fieldNames()).toIterable().containsExactly("name", "number", "score", "max_score", "status", "output", "tags", "visibility");
        assertThat(b.get("name").asText()).isEqualTo("counter.b");
        assertThat(b.get("number").asText()).isEqualTo("2.2");
        assertThat(b.get("status").asText()).isEqualTo("failed");
        assertThat(b.get("visibility").asText()).isEqualTo("hidden");
        assertThat(JSON.convertValue(b.get("tags"), String[].class)).containsExactly("counter", "correctness");
        assertThat(json.get("tests").get(1).get("visibility").asText()).isEqualTo("visible");
    }

    @Test
    @DisplayName("classroom.json and the step output result: version 1, pass/fail/error, per test points, message, filename and line_no")
    void classroom() throws Exception {
        Path dir = Files.createDirectories(KitGrading.root().resolve("grader/target/kit-work/report-formats"));
        Path output = dir.resolve("github-output");
        Path summary = dir.resolve("step-summary");
        Files.deleteIfExists(output);
        Files.writeString(summary, "earlier step\n");
        GradeReport report = hostile();
        StringBuilder console = new StringBuilder();
        GithubActions.publish(report, Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString()), console);

        String line = Files.readString(output);
        assertThat(line).startsWith("result=").endsWith("\n").hasLineCount(1);
        JsonNode result = JSON.readTree(Base64.getDecoder().decode(line.substring("result=".length()).strip()));
        assertThat(result).isEqualTo(JSON.readTree(JSON.writeValueAsBytes(ClassroomResult.of(report))));
        assertThat(result.get("version").asInt()).isEqualTo(1);
        assertThat(result.get("status").asText()).isEqualTo("fail");
        assertThat(result.get("max_score").asDouble()).isEqualTo(50.0);
        JsonNode b = result.get("tests").get(17);
        assertThat(b.get("name").asText()).isEqualTo("counter.b");
        assertThat(b.get("status").asText()).isEqualTo("fail");
        assertThat(b.get("score").asDouble()).isZero();
        assertThat(b.get("filename").asText()).isEqualTo("src/main/java/lab/counter/LockCounter.java");
        assertThat(b.get("line_no").asInt()).isEqualTo(14);
        assertThat(ReportTextTests.startsACommand(b.get("message").asText())).isFalse();
        assertThat(result.get("tests").get(0).get("status").asText()).isEqualTo("error");
        assertThat(result.get("tests").get(16).get("line_no").asInt()).isZero();
        assertThat(Files.readString(summary)).isEqualTo("earlier step\n" + MarkdownReport.of(report));
        assertThat(console.toString()).isEqualTo(GithubActions.annotations(report));
    }

    @Test
    @DisplayName("annotations: file= and line= on the student's source, escaped as the runner decodes them, then one notice with the points")
    void annotations() {
        String message = "50% of 4 threads: one, two: done\r\nnext %0A";
        GradeReport report = Reports.of(Reports.graded("counter", Reports.passed("counter.a", 20),
                Reports.failed("counter.b", 5, message + "\n\nRerun just this check: x", AT)));
        List<String> lines = GithubActions.annotations(report).lines().collect(Collectors.toList());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("::error file=src/main/java/lab/counter/LockCounter.java,line=14,"
                + "title=counter.b (failed%2C worth 5 points)::50%25 of 4 threads: one, two: done%0Anext %250A");
        Command error = Command.parse(lines.get(0));
        assertThat(error.name()).isEqualTo("error");
        assertThat(error.properties()).containsExactly(Map.entry("file", AT.file()), Map.entry("line", "14"),
                Map.entry("title", "counter.b (failed, worth 5 points)"));
        assertThat(error.message()).isEqualTo("50% of 4 threads: one, two: done\nnext %0A");
        Command notice = Command.parse(lines.get(1));
        assertThat(notice.name()).isEqualTo("notice");
        assertThat(notice.message()).isEqualTo("Points 20/25");
    }

    @Test
    @DisplayName("annotations: at most ten, a lab that does not compile first, then the lab nearest to done; the real Points line is the only one")
    void annotationOrder() {
        CheckResult[] pool = IntStream.range(0, 8).mapToObj(i -> Reports.failed("pool.f" + i, 1, "pool " + i + Reports.HOSTILE, null))
                .toArray(CheckResult[]::new);
        AssignmentResult poolLab = Reports.graded("pool", pool);
        AssignmentResult counter = Reports.graded("counter", Reports.passed("counter.a", 10), Reports.passed("counter.c", 10),
                Reports.failed("counter.b", 5, "counter b", AT));
        AssignmentResult buffer = Reports.notGraded("buffer", "compile_error",
                "lab/buffer/ConditionBuffer.java:8: error: ';' expected", 2);
        AssignmentResult fetcher = Reports.notGraded("fetcher", "missing", "No lab.fetcher.ParallelFetcher", 2);
        String out = GithubActions.annotations(Reports.of(poolLab, fetcher, counter, buffer));
        List<Command> commands = out.lines().map(Command::parse).collect(Collectors.toList());
        assertThat(commands).hasSize(11);
        assertThat(commands.get(0).properties()).containsEntry("file", "src/main/java/lab/buffer/ConditionBuffer.java")
                .containsEntry("line", "8").containsEntry("title", "buffer does not compile");
        assertThat(commands.get(1).properties()).containsEntry("title", "counter.b (failed, worth 5 points)");
        assertThat(commands.get(2).properties()).containsEntry("title", "pool.f0 (failed, worth 1 points)").doesNotContainKey("file");
        assertThat(commands.subList(0, 10)).allMatch(c -> c.name().equals("error"));
        assertThat(commands.get(10).name()).isEqualTo("notice");
        assertThat(ReportTextTests.FAKE_POINTS.matcher(out).results().map(r -> r.group())).containsExactly("Points 20/100");
    }

    @Test
    @DisplayName("SourceLocation: the first lab.* frame, else a File.java:line of the lab, from the repository's root")
    void sourceLocation() {
        assertThat(SourceLocation.find("at java.base/Thread.run\n      at lab.counter.util.Helper$1.run(Helper.java:9)\n"
                + "      at lab.counter.LockCounter.update(LockCounter.java:30)", "lab.counter", "src/main/java/"))
                .isEqualTo(new SourceLocation("src/main/java/lab/counter/util/Helper.java", 9));
        assertThat(SourceLocation.find("  LockCounter.java:8 uses java.lang.System.exit", "lab.counter", ""))
                .isEqualTo(new SourceLocation("lab/counter/LockCounter.java", 8));
        assertThat(SourceLocation.find("lab/pool/SemaphorePool.java:3: error", "lab.pool", "src/main/java/"))
                .isEqualTo(new SourceLocation("src/main/java/lab/pool/SemaphorePool.java", 3));
        assertThat(SourceLocation.find("no line here", "lab.counter", "")).isNull();
    }

    @Test
    @DisplayName("grade.json keeps the rerun ids, the duration, each check's visibility and location, and reads back equal")
    void gradeJsonRoundTrip() throws Exception {
        GradeReport report = new GradeReport(1, "sub", 0, 25, 7, List.of(Reports.graded("counter",
                Reports.failed("counter.b", 5, "m", AT).with("after_due_date", AT))), List.of("counter.b"), 1234, null);
        Path dir = KitGrading.root().resolve("grader/target/kit-work/report-roundtrip");
        ReportWriter.write(report, dir);
        JsonNode check = JSON.readTree(dir.resolve("grade.json").toFile()).get("assignments").get(0).get("checks").get(0);
        assertThat(check.get("visibility").asText()).isEqualTo("after_due_date");
        assertThat(check.get("location").get("file").asText()).isEqualTo(AT.file());
        assertThat(ReportWriter.read(dir.resolve("grade.json"))).isEqualTo(report);
        assertThat(new String(Files.readAllBytes(dir.resolve("classroom.json")), StandardCharsets.UTF_8)).contains("\"version\" : 1");
    }
}
