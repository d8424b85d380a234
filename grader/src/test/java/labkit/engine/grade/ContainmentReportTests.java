package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import labkit.engine.report.GradeReport;
import labkit.engine.report.ReportWriter;
import labkit.engine.sandbox.OsSandbox;
import labkit.engine.sandbox.SandboxMode;
import labkit.engine.text.Messages;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every report says plainly what contained the student's code: a field in grade.json, a line in grade.md. */
@Timeout(300)
class ContainmentReportTests {

    @ParameterizedTest(name = "sandbox {0}")
    @EnumSource(value = SandboxMode.class, names = {"AUTO", "OFF"})
    @DisplayName("grade.json's sandbox field and grade.md's sandbox line name the sandbox used and why")
    void reportsSayWhichSandbox(SandboxMode mode) throws Exception {
        Path work = ContainedGrading.scratchOfTest("report-" + mode.jsonName());
        GradeRequest request = new GradeRequest(KitGrading.reference(), "reference", Set.of("counter"), "counter.sequential",
                KitGrading.SEED, work.resolve("work"), "mvn test", List.of(), true, mode);
        OsSandbox expected = OsSandbox.forRun(mode);

        GradeReport report = Grader.grade(request);
        ReportWriter.write(report, work.resolve("grade"));

        assertThat(report.assignment("counter").check("counter.sequential").status()).isEqualTo("passed");
        JsonNode sandbox = new ObjectMapper().readTree(work.resolve("grade/grade.json").toFile()).get("sandbox");
        assertThat(sandbox.get("os").asText()).isEqualTo(mode == SandboxMode.OFF ? "none" : expected.os());
        assertThat(sandbox.get("mode").asText()).isEqualTo(mode.jsonName());
        assertThat(sandbox.get("static_scan").asBoolean()).isTrue();
        assertThat(sandbox.get("note").asText()).isEqualTo(expected.note());
        assertThat(work.resolve("grade/grade.md")).content()
                .contains(Messages.format("report.md.sandbox", expected.os(), expected.note()) + "\n");
        assertThat(ReportWriter.read(work.resolve("grade/grade.json"))).isEqualTo(report);
    }
}
