package labkit.suites.buffer;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;

/**
 * Freezes the buffer by holding the student's lock from the check thread, and compares
 * {@link Snapshot}s of its fields: while the check holds the lock, nothing may change it.
 */
final class Freeze {

    /** How long the after-unlock barging loop may spin before the trial is given up. */
    private static final Duration SPIN_BOUND = Duration.ofSeconds(5);

    private final StudentLock lock;
    private final Snapshot snapshot;

    Freeze(Object buffer, StudentLock lock) {
        this.lock = lock;
        this.snapshot = new Snapshot(buffer);
    }

    /** Gets the snapshot code compiled before the after-unlock races, which it must win quickly. */
    void warmUp() {
        snapshot.warmUp();
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

    /**
     * Lets {@code op} run and barges onto the single ReentrantLock the moment {@code op}'s thread
     * lets go of it (a second waiter makes its unlock() wake someone, which gives the check a head
     * start), then checks that the buffer stays as it is until {@code op} has returned: code after
     * unlock() must not touch the buffer. A change can only be seen, never made up, so the check has
     * no false alarms; whether the race is won varies, which is why it is repeated.
     */
    AssertionError quietAfterUnlock(String method, Call.Action op) {
        ReentrantLock single = lock.reentrant();
        Call<Void> call;
        Call<Void> nextInLine;
        single.lock();
        try {
            call = Call.run("caller", op);
            if (!lock.awaitQueued(call, Tolerances.BOUND)) {
                single.unlock();
                Calls.resultOf(call, method);
                return null;
            }
            nextInLine = Call.run("next-in-line", () -> {
                single.lock();
                single.unlock();
            });
            lock.awaitQueued(nextInLine, Tolerances.BOUND);
        } finally {
            if (single.isHeldByCurrentThread()) {
                single.unlock();
            }
        }
        Object atHandOver;
        Object afterReturn;
        long deadline = System.nanoTime() + SPIN_BOUND.toNanos();
        // Spin until the caller has the lock (it left the queue), then barge in when it lets go.
        while (single.hasQueuedThread(call.thread()) && !call.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        while (!single.tryLock()) {
            if (System.nanoTime() > deadline) {
                Calls.resultOf(call, method);
                return null;
            }
            Thread.onSpinWait();
        }
        try {
            atHandOver = snapshot.take();
            call.awaitParkedOrDone(Tolerances.SETTLE);
            afterReturn = snapshot.take();
        } finally {
            single.unlock();
        }
        Calls.resultOf(call, method);
        Calls.awaitEnd(nextInLine, "lock()");
        if (!Snapshot.same(atHandOver, afterReturn)) {
            return Feedback.fail("buffer.state-under-lock.changed-after", method, snapshot.render(atHandOver),
                    snapshot.render(afterReturn));
        }
        return null;
    }
}
