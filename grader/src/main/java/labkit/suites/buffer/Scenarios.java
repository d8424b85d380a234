package labkit.suites.buffer;

import java.time.Duration;
import java.util.Optional;
import lab.buffer.BoundedBuffer;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.schedule.LockSwap;
import labkit.api.schedule.SteppedLock;

/** The small scenarios of the suite's checks, each a call or two into the buffer and its verdict. */
final class Scenarios {

    private Scenarios() {}

    /** Hands an item to the buffer (put or offer), for the waits-and-wakes scenarios. */
    @FunctionalInterface
    interface Producing {
        void give(Item item) throws Exception;
    }

    /**
     * A put then a take on an empty buffer: the structure checks that forbid things grade a buffer
     * that works at all, so that an empty skeleton earns no points for using nothing forbidden.
     */
    static void smoke(BoundedBuffer<Item> buffer) {
        Item item = new Item(0, 0);
        Calls.awaitUnblocked(Call.run("putter", () -> buffer.put(item)), "buffer.smoke.blocked", "put(item)");
        Item back = Calls.awaitUnblocked(Call.start("taker", buffer::take), "buffer.smoke.blocked", "take()");
        if (back != item) {
            throw Feedback.fail("buffer.smoke.wrong-item", item, back);
        }
    }

    /**
     * {@link LockSwap#into} with the buffer's last guard: the four calls, none of which waits here,
     * run with the new lock and leave the buffer empty; a design they fail on is not stepped.
     */
    static Optional<SteppedLock> swapLock(BoundedBuffer<Item> buffer) {
        return LockSwap.into(buffer).filter(stepped -> worksUnstepped(buffer));
    }

    private static boolean worksUnstepped(BoundedBuffer<Item> buffer) {
        Call<Void> run = Call.run("unstepped", () -> {
            buffer.put(new Item(9, 0));
            buffer.take();
            buffer.offer(new Item(9, 1), Duration.ZERO);
            buffer.poll(Duration.ZERO);
        });
        return run.awaitDone(Tolerances.BOUND) && run.failure() == null && buffer.size() == 0;
    }

    /** A null item must be rejected with NullPointerException, leaving the buffer's one item as it was. */
    static void expectNullRejected(BoundedBuffer<Item> buffer, String method, Call.Action call) {
        Call<Void> caller = Call.run("null-putter", call);
        caller.awaitDoneOrStuck(Tolerances.STUCK, Tolerances.BOUND);
        Throwable thrown = caller.failure();
        Calls.stop(caller);
        if (thrown == null) {
            throw Feedback.fail("buffer.bad-arguments.null-accepted", method, buffer.size());
        }
        if (!(thrown instanceof NullPointerException)) {
            throw Feedback.fail("buffer.bad-arguments.null-exception", method, thrown.getClass().getName());
        }
        if (buffer.size() != 1) {
            throw Feedback.fail("buffer.bad-arguments.null-changed-size", method, buffer.size());
        }
    }

    /** take() on the empty buffer must wait, and {@code wake} (from another thread) must end the wait with its item. */
    static void expectWokenTake(BoundedBuffer<Item> buffer, String wake, Producing producing) {
        Call<Item> taker = Call.start("taker", buffer::take);
        if (Calls.endedInsteadOfWaiting(taker)) {
            throw Feedback.fail("buffer.waits-and-wakes.take-returned", taker.result());
        }
        Item item = new Item(0, 0);
        Calls.resultOf(Call.run("producer", () -> producing.give(item)), wake);
        Item got = Calls.awaitUnblocked(taker, "buffer.waits-and-wakes.take-not-woken", wake, Tolerances.STUCK.toMillis());
        if (got != item) {
            throw Feedback.fail("buffer.waits-and-wakes.take-wrong-item", wake, item, got);
        }
    }

    /** put() on the full buffer (capacity 1) must wait, and {@code wake} must make room and end the wait. */
    static void expectWokenPut(BoundedBuffer<Item> buffer, String wake, Call.Action consuming) throws InterruptedException {
        buffer.put(new Item(1, 0));
        Item waiting = new Item(1, 1);
        Call<Void> putter = Call.run("putter", () -> buffer.put(waiting));
        if (Calls.endedInsteadOfWaiting(putter)) {
            throw Feedback.fail("buffer.waits-and-wakes.put-returned", buffer.size());
        }
        Calls.resultOf(Call.run("consumer", consuming), wake);
        Calls.awaitUnblocked(putter, "buffer.waits-and-wakes.put-not-woken", wake, Tolerances.STUCK.toMillis());
        Item got = Calls.resultOf(Call.start("taker", buffer::take), "take()");
        if (got != waiting) {
            throw Feedback.fail("buffer.waits-and-wakes.put-lost", wake, waiting, got);
        }
    }

    /** A waiter watched for a second must use next to no CPU and spend it parked, not asleep in a retry loop. */
    static void expectParkedCheaply(Call<?> waiter, String method, Call.Action release) {
        if (Calls.endedInsteadOfWaiting(waiter)) {
            return;
        }
        Waiting.Watch watch = Waiting.watch(waiter, Tolerances.WAIT_WINDOW.toMillis());
        Call<Void> releaser = Call.run("releaser", release);
        // Whether the release wakes the waiter is waits-and-wakes' verdict; here it only ends the scenario.
        releaser.awaitDone(Tolerances.SETTLE);
        waiter.awaitDone(Tolerances.SETTLE);
        Calls.stop(waiter, releaser);
        if (watch.cpuMillis() > Tolerances.WAIT_CPU_BUDGET.toMillis()) {
            throw Feedback.fail("buffer.no-busy-wait.spinning", method, watch.cpuMillis(), Tolerances.WAIT_WINDOW.toMillis());
        }
        if (watch.mostlyAsleep()) {
            throw Feedback.fail("buffer.no-busy-wait.sleeping", method, watch.asleepSamples(), watch.samples());
        }
    }
}
