package labkit.suites.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import labkit.api.Feedback;
import labkit.engine.report.AssignmentResult;
import labkit.kit.KitGrading;
import labkit.kit.SampleExpectation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grades the grader of lab 4: the reference passes every check, each known bug fails exactly its
 * checks, and correct but unusual designs (invokeAll, invokeAny, a CompletionService, a deadline
 * shared by waits for the time left, orTimeout on a copy) score full marks.
 */
@DisplayName("fetcher suite")
class FetcherSuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        expectFullMarks(KitGrading.grade(KitGrading.reference(), "fetcher"));
    }

    @ParameterizedTest(name = "correct but unusual: {0} scores full marks")
    @ValueSource(strings = {"invokeall-executor", "completion-service-first", "copy-or-timeout"})
    void unusualButCorrectScoresFullMarks(String variant) {
        expectFullMarks(KitGrading.grade(KitGrading.sample("fetcher", variant), "fetcher"));
    }

    @Test
    @Timeout(120)
    @DisplayName("the skeleton scores 0 without hanging, every check an error that names the TODO")
    void skeletonScoresZero() {
        AssignmentResult result = KitGrading.grade(KitGrading.root().resolve("assignments/template"), "fetcher");
        assertThat(result.score()).isZero();
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.status()).isIn("error", "failed"));
        assertThat(result.check("fetcher.concurrent").message()).startsWith(
                "Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: fetchAll(uris, timeout)");
        assertThat(result.check("fetcher.first-success").message()).startsWith(
                "Your code threw where the contract does not allow it: java.lang.UnsupportedOperationException: TODO: fetchFirst(uris, timeout)");
    }

    static Stream<SampleExpectation> buggySamples() {
        String cancelsAtDeadline = start("fetcher.cancels-at-deadline.still-open");
        String firstCancelsRest = start("fetcher.first-cancels-rest.still-open");
        String firstSuccess = start("fetcher.first-success.wrong");
        String serial = start("fetcher.concurrent.serial", FetcherSuite.PARTIES);
        return Stream.of(
                SampleExpectation.of("fetcher", "sequential-loop")
                        .fails("fetcher.concurrent", serial)
                        .fails("fetcher.first-success", firstSuccess)
                        .fails("fetcher.first-cancels-rest", firstCancelsRest),
                // Blocking in the common pool also starves the client's own completion stages, so
                // calls with more URIs than the pool has threads may time out as well.
                SampleExpectation.of("fetcher", "parallel-stream")
                        .fails("fetcher.concurrent", serial)
                        .mayAlsoFail("fetcher.input-order", "fetcher.failure-isolated", "fetcher.failures-reported",
                                "fetcher.cancels-at-deadline", "fetcher.one-deadline"),
                SampleExpectation.of("fetcher", "common-pool-supplyasync")
                        .fails("fetcher.concurrent", serial)
                        .fails("fetcher.cancels-at-deadline", cancelsAtDeadline)
                        .fails("fetcher.first-cancels-rest", firstCancelsRest)
                        .mayAlsoFail("fetcher.input-order", "fetcher.failure-isolated", "fetcher.failures-reported",
                                "fetcher.first-success", "fetcher.one-deadline"),
                SampleExpectation.of("fetcher", "small-fixed-pool")
                        .fails("fetcher.concurrent", serial),
                SampleExpectation.of("fetcher", "per-future-timeout")
                        .fails("fetcher.one-deadline", start("fetcher.one-deadline.late", null, FetcherSuite.DEADLINE.toMillis())),
                SampleExpectation.of("fetcher", "or-timeout-no-cancel")
                        .fails("fetcher.cancels-at-deadline", cancelsAtDeadline)
                        .fails("fetcher.first-cancels-rest", firstCancelsRest),
                SampleExpectation.of("fetcher", "timeout-reported-failed")
                        .fails("fetcher.timed-out-reported", start("fetcher.timed-out-reported.wrong", FetcherSuite.DEADLINE.toMillis()))
                        .fails("fetcher.timeout-extremes", start("fetcher.timeout-extremes.no-wait", "fetchAll", Duration.ZERO)),
                SampleExpectation.of("fetcher", "error-reported-ok")
                        .fails("fetcher.failures-reported", start("fetcher.failures-reported.wrong"))
                        .fails("fetcher.first-success", firstSuccess)
                        .fails("fetcher.first-empty", start("fetcher.first-empty.not-empty")),
                // The order of the answers decides the order of the results, so every fetchAll of
                // several URIs may come back shuffled; only input-order is sure to see it.
                SampleExpectation.of("fetcher", "completion-order-results")
                        .fails("fetcher.input-order", start("fetcher.input-order.wrong"))
                        .mayAlsoFail("fetcher.ok-bodies", "fetcher.failures-reported", "fetcher.failure-isolated",
                                "fetcher.timed-out-reported"),
                SampleExpectation.of("fetcher", "anyof-fetchfirst")
                        .fails("fetcher.first-success", firstSuccess)
                        .fails("fetcher.first-cancels-rest", firstCancelsRest)
                        .fails("fetcher.first-empty", start("fetcher.first-empty.not-empty")),
                SampleExpectation.of("fetcher", "executor-never-shut-down")
                        .fails("fetcher.no-thread-leak", start("fetcher.no-thread-leak.left")),
                SampleExpectation.of("fetcher", "ignores-client")
                        .fails("fetcher.uses-given-client", start("fetcher.uses-given-client.other-client")),
                SampleExpectation.of("fetcher", "throws-on-failure")
                        .fails("fetcher.failure-isolated", start("fetcher.failure-isolated.threw", IllegalArgumentException.class.getName()))
                        .fails("fetcher.failures-reported", "Your code threw where the contract does not allow it: java.lang.IllegalArgumentException"),
                SampleExpectation.of("fetcher", "no-null-check")
                        .fails("fetcher.empty-and-null", start("fetcher.empty-and-null.no-npe", "fetchAll(null, 10 s)")),
                SampleExpectation.of("fetcher", "deadline-overflow")
                        .fails("fetcher.timeout-extremes", start("fetcher.timeout-extremes.huge", "fetchAll")),
                SampleExpectation.of("fetcher", "ignores-charset")
                        .fails("fetcher.ok-bodies", start("fetcher.expected-ok")),
                SampleExpectation.of("fetcher", "only-200-ok")
                        .fails("fetcher.ok-bodies", start("fetcher.expected-ok")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }

    /**
     * The start of message {@code key} up to its first placeholder not given: {@code null} stands
     * for a value that changes from run to run (a port, a duration measured).
     */
    private static String start(String key, Object... leading) {
        String unknown = "\u0000";
        Object[] args = Arrays.stream(leading).map(a -> a == null ? unknown : a).toArray();
        String text = Feedback.text(key, args);
        int cut = text.indexOf(unknown);
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{\\d+}").matcher(text);
        if (placeholder.find() && (cut < 0 || placeholder.start() < cut)) {
            cut = placeholder.start();
        }
        return cut < 0 ? text : text.substring(0, cut);
    }

    private static void expectFullMarks(AssignmentResult result) {
        StringBuilder failures = new StringBuilder();
        result.checks().stream().filter(c -> !c.passed())
                .forEach(c -> failures.append(c.id()).append(": ").append(c.message()).append('\n'));
        assertThat(KitGrading.notPassed(result)).as(failures::toString).isEmpty();
        assertThat(result.score()).isEqualTo(25.0);
    }
}
