package labkit.suites.latch;

import java.time.Duration;
import java.util.List;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Threads;
import labkit.api.Tolerances;

/**
 * The verdict on an {@code await(400 ms)} of a clear event. A window, never an exact time: the
 * elapsed time is read from before the call's thread started, so it is never short, and may be
 * long by scheduling on a loaded machine, which {@link #LATE_SLACK_MS} allows for.
 */
final class Timed {

    /** The timed checks' timeout: far from 0, and several spurious wake-ups long. */
    static final Duration TIMEOUT = Duration.ofMillis(400);
    /** How late past its timeout a timed await may return on a loaded machine. */
    static final long LATE_SLACK_MS = 1_000;
    /** Elapsed time is read from before the call's thread started, in whole milliseconds: at most this early. */
    static final long EARLY_SLACK_MS = 10;
    /** How often {@code meanwhile} runs while the call waits. */
    private static final long PERIOD_MS = 50;

    private Timed() {}

    /** A call with a zero or negative timeout on a clear event: it must return false at once. */
    static void expectNoWait(Call<Boolean> call, String method) {
        if (!call.awaitDone(Tolerances.SETTLE)) {
            Waits.stop(List.of(call));
            throw Feedback.fail("latch.timed-await.waited", method, Tolerances.SETTLE.toMillis());
        }
        if (call.result()) {
            throw Feedback.fail("latch.timed-await.true-while-clear", method);
        }
    }

    /** The call must return false after about {@link #TIMEOUT}; {@code meanwhile} runs every 50 ms until it does. */
    static void expectGivesUp(Call<Boolean> call, Runnable meanwhile) {
        String method = "await(" + TIMEOUT.toMillis() + " ms)";
        long limit = TIMEOUT.toMillis() + LATE_SLACK_MS;
        while (!call.isDone() && call.elapsedMillis() <= limit) {
            meanwhile.run();
            Threads.sleep(PERIOD_MS);
        }
        if (!call.awaitDone(Duration.ZERO)) {
            long elapsed = call.elapsedMillis();
            Waits.stop(List.of(call));
            throw Feedback.fail("latch.timed-await.late", method, elapsed, limit);
        }
        if (call.result()) {
            throw Feedback.fail("latch.timed-await.true-while-clear", method);
        }
        if (call.elapsedMillis() < TIMEOUT.toMillis() - EARLY_SLACK_MS) {
            throw Feedback.fail("latch.timed-await.early", method, call.elapsedMillis());
        }
    }
}
