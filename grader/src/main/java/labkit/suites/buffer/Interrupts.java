package labkit.suites.buffer;

import java.util.concurrent.locks.Lock;
import lab.buffer.BoundedBuffer;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Locks;

/**
 * Interrupting a caller that waits: it must throw InterruptedException promptly, and leave the
 * buffer as it was (no item lost, none added) and usable.
 */
final class Interrupts {

    private final BoundedBuffer<Item> buffer;
    /** Whether every scenario had a waiter to interrupt; if not, the buffer's state is no verdict on interrupts. */
    private boolean allWaited = true;

    Interrupts(BoundedBuffer<Item> buffer) {
        this.buffer = buffer;
    }

    /**
     * Interrupts {@code waiter} (which must be waiting in {@code method}) and judges how it ended;
     * a waiter that swallows the interrupt is let go with {@code release} afterwards.
     *
     * @return the failure to report, or null
     */
    AssertionError interruptWaiter(Call<?> waiter, String method, Call.Action release) {
        if (Calls.endedInsteadOfWaiting(waiter)) {
            // Not waiting at all is the verdict of waits-and-wakes; here there is nothing to interrupt.
            allWaited = false;
            return null;
        }
        waiter.interrupt();
        if (!waiter.awaitDone(Tolerances.SETTLE)) {
            Call<Void> releaser = Call.run("releaser", release);
            releaser.awaitDone(Tolerances.BOUND);
            Calls.stop(waiter, releaser);
            return Feedback.failure("buffer.interrupts.swallowed", method, Tolerances.SETTLE.toMillis());
        }
        Throwable thrown = waiter.failure();
        if (thrown == null) {
            return Feedback.failure("buffer.interrupts.returned", method, waiter.result());
        }
        if (!(thrown instanceof InterruptedException)) {
            return Feedback.failure("buffer.interrupts.wrong-exception", method, thrown.getClass().getName());
        }
        // Judged now, while the interrupted call is the only one that has run: a lock it kept
        // would make the next waiter hang, and that hang be taken for a swallowed interrupt.
        return keptLock() ? Feedback.failure("buffer.interrupts.lock-kept", method) : null;
    }

    /** Whether one of the buffer's locks is still held although every call on it has ended. */
    private boolean keptLock() {
        for (Lock lock : Locks.of(buffer)) {
            if (!lock.tryLock()) {
                return true;
            }
            lock.unlock();
        }
        return false;
    }

    /** After the interrupts, the buffer must hold exactly {@code expected} (in order) and still work. */
    AssertionError unchangedAndUsable(String method, Item... expected) {
        if (!allWaited) {
            return null;
        }
        int size = buffer.size();
        if (size != expected.length) {
            return Feedback.failure("buffer.interrupts.changed", method, expected.length, size);
        }
        for (Item item : expected) {
            Item head = Calls.awaitUnblocked(Call.start("taker", buffer::take), "buffer.interrupts.unusable", method);
            if (head != item) {
                return Feedback.failure("buffer.interrupts.changed-items", method, item, head);
            }
        }
        Item probe = new Item(9, 0);
        Calls.awaitUnblocked(Call.run("putter", () -> buffer.put(probe)), "buffer.interrupts.unusable", method);
        Item back = Calls.awaitUnblocked(Call.start("taker", buffer::take), "buffer.interrupts.unusable", method);
        return back == probe ? null : Feedback.failure("buffer.interrupts.changed-items", method, probe, back);
    }
}
