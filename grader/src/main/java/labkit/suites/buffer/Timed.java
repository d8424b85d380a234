package labkit.suites.buffer;

import static labkit.suites.buffer.BufferSuite.EARLY_SLACK_MS;
import static labkit.suites.buffer.BufferSuite.LATE_SLACK_MS;
import static labkit.suites.buffer.BufferSuite.TIMEOUT;

import java.util.Objects;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;

/**
 * Verdicts on timed calls. Times are windows, never exact: a call's elapsed time is read from
 * before its thread started, so it is never short, and may be long by scheduling on a loaded
 * machine, which {@link BufferSuite#LATE_SLACK_MS} allows for.
 */
final class Timed {

    private Timed() {}

    /** A call with a zero or negative timeout, or one that can go ahead at once: it must return at once with {@code expected}. */
    static void expectNoWait(Call<?> call, String method, Object expected) {
        if (!call.awaitDone(Tolerances.SETTLE)) {
            Calls.stop(call);
            throw Feedback.fail("buffer.timeouts.waited", method, Tolerances.SETTLE.toMillis());
        }
        Object result = call.result();
        if (!Objects.equals(result, expected)) {
            throw Feedback.fail("buffer.timeouts.wrong-result", method, expected, result);
        }
    }

    /** A timed call that cannot succeed: it must return {@code expected} (null, false) after about {@link BufferSuite#TIMEOUT}. */
    static void expectGivesUp(Call<?> call, String method, Object expected) {
        Calls.awaitEnd(call, method);
        Object result = call.result();
        long elapsed = call.elapsedMillis();
        if (!Objects.equals(result, expected)) {
            throw Feedback.fail("buffer.timeouts.wrong-result", method, expected, result);
        }
        if (elapsed < TIMEOUT.toMillis() - EARLY_SLACK_MS) {
            throw Feedback.fail("buffer.timeouts.early", method, elapsed);
        }
        if (elapsed > TIMEOUT.toMillis() + LATE_SLACK_MS) {
            throw Feedback.fail("buffer.timeouts.late", method, elapsed, TIMEOUT.toMillis() + LATE_SLACK_MS);
        }
    }

    /** A call with a huge timeout must wait (not overflow), and return promptly once {@code release} makes room or an item. */
    static void expectWokenInTime(Call<?> call, String method, Call.Action release) {
        call.awaitParkedOrDone(Tolerances.SETTLE);
        if (call.isDone()) {
            Throwable thrown = call.failure();
            throw thrown != null
                    ? Feedback.failure("buffer.timeouts.huge-threw", method, thrown.getClass().getName())
                    : Feedback.failure("buffer.timeouts.huge-returned", method, call.result());
        }
        Calls.resultOf(Call.run("releaser", release), "put/take");
        if (!call.awaitDone(Tolerances.SETTLE)) {
            Calls.stop(call);
            throw Feedback.fail("buffer.timeouts.not-woken", method, Tolerances.SETTLE.toMillis());
        }
        Object result = call.result();
        if (result == null || Boolean.FALSE.equals(result)) {
            throw Feedback.fail("buffer.timeouts.woken-failed", method, result);
        }
    }

    /**
     * A timed call robbed of every wake-up (see {@link ConditionSchedules#robbedPoll}): if it gave
     * up, it must have done so after its timeout, counted from the call, not from the last wake-up.
     */
    static void expectDeadlineKept(Call<?> call, String method) {
        Calls.awaitEnd(call, method);
        Object result = call.result();
        if (result != null && !Boolean.FALSE.equals(result)) {
            return;
        }
        long elapsed = call.elapsedMillis();
        if (elapsed < TIMEOUT.toMillis() - EARLY_SLACK_MS) {
            throw Feedback.fail("buffer.timeout-deadline.early", method, elapsed);
        }
        if (elapsed > TIMEOUT.toMillis() + LATE_SLACK_MS) {
            throw Feedback.fail("buffer.timeout-deadline.late", method, elapsed, TIMEOUT.toMillis() + LATE_SLACK_MS);
        }
    }
}
