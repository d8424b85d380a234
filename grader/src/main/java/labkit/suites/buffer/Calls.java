package labkit.suites.buffer;

import static labkit.api.Tolerances.BOUND;
import static labkit.api.Tolerances.SETTLE;
import static labkit.api.Tolerances.STUCK;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Threads;

/** Waiting on the grader's calls into the buffer, with the lab's bounds and messages. */
final class Calls {


    private Calls() {}

    /** {@link Call#mustEnd}, named as the buffer's call sites read. */
    static void awaitEnd(Call<?> call, String method) {
        call.mustEnd(method);
    }

    /** {@link Call#mustEnd}, then the call's result; what the student's code threw is rethrown as is. */
    static <T> T resultOf(Call<T> call, String method) {
        return call.mustEnd(method).result();
    }

    /**
     * Waits until {@code call}, which has nothing to wait for, ends; a call still parked after
     * {@link #STUCK} (or running after {@link #BOUND}) fails with {@code key}.
     */
    static <T> T awaitUnblocked(Call<T> call, String key, Object... args) {
        if (call.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            String report = Threads.report();
            stop(call);
            throw Feedback.failure(key, args).withDetails(report);
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
