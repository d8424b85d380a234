package labkit.suites.buffer;

import java.time.Duration;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Threads;

/** Waiting on the grader's calls into the buffer, with the lab's bounds and messages. */
final class Calls {

    /** Long enough for a call that does not need to wait to finish, even on a loaded machine. */
    static final Duration SETTLE = Duration.ofSeconds(1);
    /** A thread parked this long without a break, with nobody left to wake it, is stuck for good. */
    static final Duration STUCK = Duration.ofSeconds(2);
    /** The most any single call may take once nothing stands in its way. */
    static final Duration BOUND = Duration.ofSeconds(10);

    private Calls() {}

    /** Waits for {@code call} to end; fails, with every thread's state, if it does not within {@link #BOUND}. */
    static void awaitEnd(Call<?> call, String method) {
        if (!call.awaitDone(BOUND)) {
            throw Feedback.fail("buffer.call-never-returned", method, BOUND.toSeconds()).withDetails(Threads.report());
        }
    }

    /** {@link #awaitEnd}, then the call's result; what the student's code threw is rethrown as is. */
    static <T> T resultOf(Call<T> call, String method) {
        awaitEnd(call, method);
        return call.result();
    }

    /**
     * Waits until {@code call}, which has nothing to wait for, ends; a call still parked after
     * {@link #STUCK} (or running after {@link #BOUND}) fails with {@code key}.
     */
    static <T> T awaitUnblocked(Call<T> call, String key, Object... args) {
        if (call.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            String report = Threads.report();
            stop(call);
            throw Feedback.fail(key, args).withDetails(report);
        }
        return call.result();
    }

    /**
     * A call that should be waiting: gives it {@link #SETTLE} to park. Whether it ended anyway; an
     * exception it ended with is rethrown (the skeleton's TODO, say), since that is no verdict on waiting.
     */
    static boolean endedInsteadOfWaiting(Call<?> call) {
        call.awaitParkedOrDone(SETTLE);
        if (!call.isDone()) {
            return false;
        }
        call.result();
        return true;
    }

    /** Interrupts the calls still running and gives them a moment to leave, so that no check leaves threads behind. */
    static void stop(Call<?>... calls) {
        for (Call<?> call : calls) {
            if (call != null && !call.isDone()) {
                call.interrupt();
            }
        }
        for (Call<?> call : calls) {
            if (call != null) {
                call.awaitDone(SETTLE);
            }
        }
    }
}
