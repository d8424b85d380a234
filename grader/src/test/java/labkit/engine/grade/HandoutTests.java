package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each handout's table of graded checks is the suite's: the same ids and points, so students read what is graded. */
class HandoutTests {

    /** A row of the handout's table of checks: | `lab.check` | points | ... |. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([0-9.]+) \\|", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> everyHandoutListsItsSuitesChecks() {
        return LabCatalog.discover().stream().map(lab -> DynamicTest.dynamicTest("handout of " + lab.id(), () -> {
            Map<String, Double> graded = new LinkedHashMap<>();
            lab.checks().forEach(c -> graded.put(c.id(), c.points()));
            assertThat(tableOf(lab.id())).as("the table in assignments/handouts/%s.md", lab.id())
                    .containsExactlyInAnyOrderEntriesOf(graded);
        }));
    }

    private static Map<String, Double> tableOf(String lab) throws IOException {
        String text = Files.readString(KitGrading.root().resolve("assignments/handouts").resolve(lab + ".md"));
        Map<String, Double> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            rows.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return rows;
    }
}
