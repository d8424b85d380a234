package labkit.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import labkit.engine.report.AssignmentResult;
import labkit.engine.report.CheckResult;

/**
 * What grading one known-buggy sample must give: exactly these checks fail (no fewer, and no
 * others but the few declared as possible), each with a message that starts as given.
 *
 * <pre>{@code
 * SampleExpectation.of("counter", "unlock-not-in-finally")
 *         .fails("counter.lock-released-after-exception", Feedback.text("counter.lock-released-after-exception.held", 2000))
 * }</pre>
 */
public final class SampleExpectation {

    private final String lab;
    private final String variant;
    private final Map<String, String> failing = new LinkedHashMap<>();
    private final Set<String> mayFail = new TreeSet<>();
    private final Map<String, List<String>> contained = new LinkedHashMap<>();
    private final Map<String, List<String>> absent = new LinkedHashMap<>();
    private final Map<String, String> categories = new LinkedHashMap<>();

    private SampleExpectation(String lab, String variant) {
        this.lab = lab;
        this.variant = variant;
    }

    public static SampleExpectation of(String lab, String variant) {
        return new SampleExpectation(lab, variant);
    }

    /** {@code checkId} must not pass, and its message must start with {@code messageStart}. */
    public SampleExpectation fails(String checkId, String messageStart) {
        failing.put(checkId, messageStart);
        return this;
    }

    /**
     * {@code checkId}'s message must also hold {@code fragment} further on: the hint chosen from
     * what the check saw in the student's code, after a start that varies from run to run.
     */
    public SampleExpectation messageContains(String checkId, String fragment) {
        contained.computeIfAbsent(checkId, id -> new ArrayList<>()).add(fragment);
        return this;
    }

    /** {@code checkId}'s message must not hold {@code fragment}: a cause the evidence does not show. */
    public SampleExpectation messageLacks(String checkId, String fragment) {
        absent.computeIfAbsent(checkId, id -> new ArrayList<>()).add(fragment);
        return this;
    }

    /**
     * {@code checkId}'s failure must be reported in {@code category} ({@code "deadlock"}...), which
     * the evidence may choose over the check's own: a correctness scenario that hung is a deadlock.
     */
    public SampleExpectation reportedAs(String checkId, String category) {
        categories.put(checkId, category);
        return this;
    }

    /**
     * {@code checkId} may fail too: a stress check that this bug usually, but not provably always,
     * trips. Use sparingly; a deterministic check must be in {@link #fails}.
     */
    public SampleExpectation mayAlsoFail(String... checkIds) {
        mayFail.addAll(Set.of(checkIds));
        return this;
    }

    /** Grades the sample and asserts the expectation. */
    public void verify() {
        AssignmentResult result = KitGrading.grade(KitGrading.sample(lab, variant), lab);
        assertThat(result.status()).as("%s/%s status", lab, variant).isEqualTo("graded");
        Set<String> notPassed = KitGrading.notPassed(result);
        assertThat(notPassed).as("%s/%s: checks that must fail", lab, variant).containsAll(failing.keySet());
        Set<String> unexpected = new TreeSet<>(notPassed);
        unexpected.removeAll(failing.keySet());
        unexpected.removeAll(mayFail);
        assertThat(unexpected).as("%s/%s: checks that failed although they should pass; messages:%n%s", lab, variant,
                messagesOf(result, unexpected)).isEmpty();
        for (Map.Entry<String, String> expected : failing.entrySet()) {
            CheckResult check = result.check(expected.getKey());
            assertThat(check.message()).as("%s/%s: message of %s", lab, variant, check.id()).startsWith(expected.getValue());
            assertThat(check.message()).as("%s/%s: rerun hint of %s", lab, variant, check.id())
                    .contains("-Dcheck=" + check.id() + " -Dgrader.seed=" + KitGrading.SEED);
            assertThat(check.points()).isZero();
        }
        contained.forEach((id, fragments) -> fragments.forEach(fragment ->
                assertThat(result.check(id).message()).as("%s/%s: hint in the message of %s", lab, variant, id).contains(fragment)));
        categories.forEach((id, category) ->
                assertThat(result.check(id).category()).as("%s/%s: category of %s", lab, variant, id).isEqualTo(category));
        absent.forEach((id, fragments) -> fragments.forEach(fragment ->
                assertThat(result.check(id).message()).as("%s/%s: blame in the message of %s", lab, variant, id).doesNotContain(fragment)));
    }

    private static String messagesOf(AssignmentResult result, Set<String> ids) {
        StringBuilder out = new StringBuilder();
        ids.forEach(id -> out.append(id).append(": ").append(result.check(id).message()).append('\n'));
        return out.toString();
    }

    @Override
    public String toString() {
        return lab + "/" + variant;
    }
}
