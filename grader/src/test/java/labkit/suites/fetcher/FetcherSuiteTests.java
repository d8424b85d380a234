package labkit.suites.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import labkit.api.Feedback;
import labkit.engine.report.AssignmentResult;
import labkit.engine.text.Messages;
import labkit.kit.GradesSamples;
import labkit.kit.KitGrading;
import labkit.kit.SampleExpectation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grades the grader of lab 4: the reference passes every check, each known bug fails exactly its
 * checks, and correct but unusual designs (invokeAll, invokeAny, a CompletionService, a deadline
 * shared by waits for the time left, orTimeout on a copy) score full marks.
 */
@DisplayName("fetcher suite")
@GradesSamples
class FetcherSuiteTests {

    @RepeatedTest(value = 3, name = "the reference scores full marks, run {currentRepetition} of {totalRepetitions}")
    void referenceScoresFullMarks() {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.reference(), "fetcher"));
    }

    @ParameterizedTest(name = "correct but unusual: {0} scores full marks")
    @ValueSource(strings = {"invokeall-executor", "completion-service-first", "copy-or-timeout"})
    void unusualButCorrectScoresFullMarks(String variant) {
        KitGrading.expectFullMarks(KitGrading.grade(KitGrading.sample("fetcher", variant), "fetcher"));
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    @DisplayName("on JDK 21+, invokeAll over virtual threads (an API newer than the baseline 17) compiles and scores full marks")
    void virtualThreadsOnANewerJdk(@TempDir Path tmp) throws IOException {
        Path source = KitGrading.sample("fetcher", "invokeall-executor").resolve("lab/fetcher/ParallelFetcher.java");
        Path copy = tmp.resolve("virtual-threads/lab/fetcher/ParallelFetcher.java");
        Files.createDirectories(copy.getParent());
        String text = Files.readString(source);
        assertThat(text).contains("Executors.newFixedThreadPool(uris.size())", "Executors.newCachedThreadPool()");
        Files.writeString(copy, text.replace("Executors.newFixedThreadPool(uris.size())", "Executors.newVirtualThreadPerTaskExecutor()")
                .replace("Executors.newCachedThreadPool()", "Executors.newVirtualThreadPerTaskExecutor()"));
        KitGrading.expectFullMarks(KitGrading.grade(tmp.resolve("virtual-threads"), "fetcher"));
    }

    @Test
    @DisplayName("a copy of FetchResult that makes every result OK is left out: the kit's own type is graded, and the student is told")
    void fetchResultCopyIsLeftOut() {
        AssignmentResult result = KitGrading.grade(KitGrading.referenceWith("fetcher", "shadows-fetchresult"), "fetcher");
        KitGrading.expectFullMarks(result);
        assertThat(result.message()).contains(Messages.format("engine.lab.shadowing", "FetchResult.java"));
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
        String cancelsAtDeadline = KitGrading.messageStart("fetcher.cancels-at-deadline.still-open");
        String firstCancelsRest = KitGrading.messageStart("fetcher.first-cancels-rest.still-open");
        String firstSuccess = KitGrading.messageStart("fetcher.first-success.wrong");
        String anyOfHint = Feedback.text("fetcher.first-success.hint.any-of");
        String skipFailuresHint = Feedback.text("fetcher.first-success.hint.skip-failures");
        String serial = KitGrading.messageStart("fetcher.concurrent.serial", FetcherSuite.PARTIES);
        return Stream.of(
                SampleExpectation.of("fetcher", "sequential-loop")
                        .fails("fetcher.concurrent", serial)
                        .fails("fetcher.first-success", firstSuccess)
                        .messageContains("fetcher.first-success", skipFailuresHint)
                        .messageLacks("fetcher.first-success", anyOfHint)
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
                        // Requests left blocked in the 3 common-pool threads by earlier checks starve later calls.
                        .mayAlsoFail("fetcher.input-order", "fetcher.failure-isolated", "fetcher.failures-reported",
                                "fetcher.first-success", "fetcher.one-deadline", "fetcher.timeout-extremes"),
                SampleExpectation.of("fetcher", "small-fixed-pool")
                        .fails("fetcher.concurrent", serial),
                SampleExpectation.of("fetcher", "per-future-timeout")
                        .fails("fetcher.one-deadline", KitGrading.messageStart("fetcher.one-deadline.late", null, FetcherSuite.DEADLINE.toMillis())),
                SampleExpectation.of("fetcher", "or-timeout-no-cancel")
                        .fails("fetcher.cancels-at-deadline", cancelsAtDeadline)
                        .fails("fetcher.first-cancels-rest", firstCancelsRest),
                SampleExpectation.of("fetcher", "timeout-reported-failed")
                        .fails("fetcher.timed-out-reported", KitGrading.messageStart("fetcher.timed-out-reported.wrong", FetcherSuite.DEADLINE.toMillis()))
                        .fails("fetcher.timeout-extremes", KitGrading.messageStart("fetcher.timeout-extremes.no-wait", "fetchAll", Duration.ZERO)),
                SampleExpectation.of("fetcher", "error-reported-ok")
                        .fails("fetcher.failures-reported", KitGrading.messageStart("fetcher.failures-reported.wrong"))
                        .fails("fetcher.first-success", firstSuccess)
                        .messageContains("fetcher.first-success", skipFailuresHint)
                        .messageLacks("fetcher.first-success", anyOfHint)
                        .fails("fetcher.first-empty", KitGrading.messageStart("fetcher.first-empty.not-empty")),
                // The order of the answers decides the order of the results, so every fetchAll of
                // several URIs may come back shuffled; only input-order is sure to see it.
                SampleExpectation.of("fetcher", "completion-order-results")
                        .fails("fetcher.input-order", KitGrading.messageStart("fetcher.input-order.wrong"))
                        .mayAlsoFail("fetcher.ok-bodies", "fetcher.failures-reported", "fetcher.failure-isolated",
                                "fetcher.timed-out-reported"),
                SampleExpectation.of("fetcher", "anyof-fetchfirst")
                        .fails("fetcher.first-success", firstSuccess)
                        .messageContains("fetcher.first-success", anyOfHint)
                        .fails("fetcher.first-cancels-rest", firstCancelsRest)
                        .fails("fetcher.first-empty", KitGrading.messageStart("fetcher.first-empty.not-empty")),
                SampleExpectation.of("fetcher", "executor-never-shut-down")
                        .fails("fetcher.no-thread-leak", KitGrading.messageStart("fetcher.no-thread-leak.left")),
                SampleExpectation.of("fetcher", "ignores-client")
                        .fails("fetcher.uses-given-client", KitGrading.messageStart("fetcher.uses-given-client.other-client")),
                SampleExpectation.of("fetcher", "throws-on-failure")
                        .fails("fetcher.failure-isolated", KitGrading.messageStart("fetcher.failure-isolated.threw", IllegalArgumentException.class.getName()))
                        .fails("fetcher.failures-reported", "Your code threw where the contract does not allow it: java.lang.IllegalArgumentException"),
                SampleExpectation.of("fetcher", "no-null-check")
                        .fails("fetcher.empty-and-null", KitGrading.messageStart("fetcher.empty-and-null.no-npe", "fetchAll(null, 10 s)")),
                SampleExpectation.of("fetcher", "deadline-overflow")
                        .fails("fetcher.timeout-extremes", KitGrading.messageStart("fetcher.timeout-extremes.huge", "fetchAll")),
                SampleExpectation.of("fetcher", "ignores-charset")
                        .fails("fetcher.ok-bodies", KitGrading.messageStart("fetcher.expected-ok")),
                SampleExpectation.of("fetcher", "only-200-ok")
                        .fails("fetcher.ok-bodies", KitGrading.messageStart("fetcher.expected-ok")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggySamples")
    void buggySampleFailsItsChecks(SampleExpectation sample) {
        sample.verify();
    }
}
