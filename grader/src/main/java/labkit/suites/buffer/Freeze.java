package labkit.suites.buffer;

import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.schedule.Snapshot;
import labkit.api.schedule.StudentLock;

/**
 * Freezes the buffer by holding the student's lock from the check thread, and compares
 * {@link Snapshot}s of its fields: while the check holds the lock, nothing may change it.
 */
final class Freeze {

    private final StudentLock lock;
    private final Snapshot snapshot;

    Freeze(Object buffer, StudentLock lock) {
        this.lock = lock;
        this.snapshot = new Snapshot(buffer);
    }

    /**
     * Calls {@code op} while the check holds every lock of the buffer: it must not finish, and the
     * buffer must not change, before the check lets go. Deterministic: a write before lock() is
     * made, and seen, while the check still holds the lock.
     */
    AssertionError waitsForLock(String method, Call.Action op) {
        Frozen frozen = callFrozen(method, op);
        if (frozen.finished()) {
            return Feedback.failure("buffer.state-under-lock.finished", method);
        }
        if (!Snapshot.same(frozen.before(), frozen.during())) {
            return Feedback.failure("buffer.state-under-lock.changed-before", method, snapshot.render(frozen.before()),
                    snapshot.render(frozen.during()));
        }
        return null;
    }

    /** Calls {@code op} (a read) while the check holds every lock: whether it returned before the check let go. */
    boolean returnsWhileHeld(String method, Call.Action op) {
        return callFrozen(method, op).finished();
    }

    private record Frozen(boolean finished, Object before, Object during) {}

    private Frozen callFrozen(String method, Call.Action op) {
        Call<Void> call;
        Frozen frozen;
        lock.holdAll();
        try {
            Object before = snapshot.take();
            call = Call.run("caller", op);
            call.awaitParkedOrDone(Tolerances.SETTLE);
            boolean finished = call.isDone();
            frozen = new Frozen(finished, before, snapshot.take());
        } finally {
            lock.releaseAll();
        }
        Calls.resultOf(call, method);
        return frozen;
    }
}
