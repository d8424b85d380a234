package labkit.suites.buffer;

import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;

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
        Call<Void> call;
        Object before;
        Object during;
        boolean finished;
        lock.holdAll();
        try {
            before = snapshot.take();
            call = Call.run("caller", op);
            call.awaitParkedOrDone(Tolerances.SETTLE);
            finished = call.isDone();
            during = snapshot.take();
        } finally {
            lock.releaseAll();
        }
        Calls.resultOf(call, method);
        if (finished) {
            return Feedback.fail("buffer.state-under-lock.finished", method);
        }
        if (!Snapshot.same(before, during)) {
            return Feedback.fail("buffer.state-under-lock.changed-before", method, snapshot.render(before),
                    snapshot.render(during));
        }
        return null;
    }
}
