package labkit.engine.grade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order in which a lab's handout lists its checks (its table of graded checks, bundled with
 * the grader as {@code labkit/handouts/<lab>.md}), so that a student reads the report in the
 * order of the handout. A lab without a handout keeps the catalog's order.
 */
final class HandoutOrder {

    /** A row of the handout's table of checks: {@code | `lab.check` | points | ...}. */
    static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([0-9.]+) \\|", Pattern.MULTILINE);

    private HandoutOrder() {}

    /** The check ids of {@code lab}'s handout table, in its order; empty when the lab has no handout. */
    static List<String> of(String lab) {
        List<String> ids = new ArrayList<>();
        try (InputStream in = HandoutOrder.class.getResourceAsStream("/labkit/handouts/" + lab + ".md")) {
            if (in == null) {
                return ids;
            }
            Matcher row = ROW.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (row.find()) {
                ids.add(row.group(1));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
