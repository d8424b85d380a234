package labkit.suites.buffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.buffer.BoundedBuffer;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Threads;
import labkit.api.schedule.StudentLock;

/**
 * The forced schedules behind the classic Condition bugs. Each one lines threads up behind the
 * student's lock held by the check, then lets go: AQS hands the lock over in queue order, and a
 * signalled waiter joins the queue at its end, so what happens next is the same on every run.
 */
final class ConditionSchedules {

    /**
     * How often a timed waiter is robbed, and for how long at most: well past the timeout plus
     * its slack, so that a wait restarted by every wake-up is still running when robbing stops.
     */
    static final long ROB_EVERY_MS = 100;
    static final long ROB_FOR_MS = 3_000;

    private final BoundedBuffer<Item> buffer;
    private final StudentLock lock;
    private int made;

    ConditionSchedules(BoundedBuffer<Item> buffer, StudentLock lock) {
        this.buffer = buffer;
        this.lock = lock;
    }

    /** A fresh item, distinct from all others of this schedule. */
    Item item() {
        return new Item(0, made++);
    }

    /**
     * Starts each call in turn while the check holds the lock, waiting until each is queued behind
     * it, then releases the lock so that they run in exactly that order.
     */
    void lineUpAndRelease(List<Call<?>> calls, List<Call.Action> actions, String role) {
        lock.holdAll();
        try {
            for (int i = 0; i < actions.size(); i++) {
                Call<?> call = Call.run(role + "-" + (i + 1), actions.get(i));
                calls.add(call);
                if (!lock.awaitQueued(call, Tolerances.BOUND)) {
                    return;
                }
            }
        } finally {
            lock.releaseAll();
        }
    }

    /**
     * if-instead-of-while on the consumer side: A waits in take() on an empty buffer; producer P
     * and consumer B queue on the lock, P first. P puts and signals A, B takes the item before A
     * gets the lock, and A wakes up to an empty buffer: it must wait again.
     *
     * @return the failure to report, or null when A waited again
     */
    AssertionError wokenTakeFindsEmpty() {
        Call<Item> waiter = Call.start("waiting-taker", buffer::take);
        if (!StudentLock.awaitOnCondition(waiter, Tolerances.SETTLE)) {
            Calls.stop(waiter);
            return null;
        }
        List<Call<?>> queued = new ArrayList<>();
        Item stolen = item();
        lineUpAndRelease(queued, List.of(() -> buffer.put(stolen), buffer::take), "barger");
        queued.forEach(c -> Calls.awaitEnd(c, "put/take"));
        if (!settle(waiter)) {
            finish(waiter, () -> buffer.put(item()));
            return null;
        }
        Throwable thrown = waiter.failure();
        return thrown != null
                ? Feedback.failure("buffer.if-instead-of-while.take-threw", thrown.getClass().getName())
                : Feedback.failure("buffer.if-instead-of-while.take-returned", waiter.result(), stolen);
    }

    /**
     * The mirror on the producer side, at capacity 1: A waits in put() on a full buffer; consumer T
     * and producer Q queue on the lock, T first. T takes and signals A, Q fills the slot again, and
     * A wakes up to a full buffer: it must wait again.
     */
    AssertionError wokenPutFindsFull() throws InterruptedException {
        buffer.put(item());
        Call<Void> waiter = Call.run("waiting-putter", () -> buffer.put(item()));
        if (!StudentLock.awaitOnCondition(waiter, Tolerances.SETTLE)) {
            Calls.stop(waiter);
            return null;
        }
        List<Call<?>> queued = new ArrayList<>();
        Item refill = item();
        lineUpAndRelease(queued, List.of(buffer::take, () -> buffer.put(refill)), "barger");
        queued.forEach(c -> Calls.awaitEnd(c, "put/take"));
        if (!settle(waiter)) {
            finish(waiter, buffer::take);
            return null;
        }
        Throwable thrown = waiter.failure();
        return thrown != null
                ? Feedback.failure("buffer.if-instead-of-while.put-threw", thrown.getClass().getName())
                : Feedback.failure("buffer.if-instead-of-while.put-returned", buffer.size());
    }

    /**
     * Lost wake-up at capacity 1: consumers C1 and C2 wait in take(); producers P1 and P2 queue on
     * the lock. With one Condition and signal(), P1 wakes C1, P2 finds the buffer full and waits,
     * C1 takes and its signal() wakes C2 instead of P2: P2 and C2 then wait for each other forever.
     * When take() wakes one waiter of the one Condition ({@code takeWakesOne}) and an if instead of while lets C2 go
     * on instead of waiting again, nothing hangs; C2 coming back with no item of its own is then
     * the evidence of the same wrong wake-up, so the if bug does not mask this one.
     */
    AssertionError producersAndConsumersAllFinish(boolean takeWakesOne) {
        List<Call<?>> all = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Call<Item> consumer = Call.start("consumer-" + i, buffer::take);
            all.add(consumer);
            if (!StudentLock.awaitOnCondition(consumer, Tolerances.SETTLE)) {
                Calls.stop(all.toArray(Call<?>[]::new));
                return null;
            }
        }
        Item first = item();
        Item second = item();
        lineUpAndRelease(all, List.of(() -> buffer.put(first), () -> buffer.put(second)), "producer");
        List<String> stuck = new ArrayList<>();
        String report = null;
        for (Call<?> call : all) {
            if (call.awaitDoneOrStuck(Tolerances.STUCK, Tolerances.BOUND) != Call.Progress.DONE) {
                report = report == null ? Threads.report() : report;
                stuck.add(call.thread().getName().replace("grader-", ""));
            }
        }
        if (stuck.isEmpty()) {
            AssertionError masked = takeWakesOne ? wokenWithNothing(all.subList(0, 2), List.of(first, second)) : null;
            if (masked != null) {
                return masked;
            }
            all.forEach(Call::result);
            return null;
        }
        int size = buffer.size();
        Calls.stop(all.toArray(Call<?>[]::new));
        return Feedback.failure("buffer.lost-wakeup.stuck", String.join(", ", stuck), size).withDetails(report);
    }

    /** The first consumer that came back without an item of its own: threw, or got one not put, or one already taken. */
    private static AssertionError wokenWithNothing(List<Call<?>> consumers, List<Item> put) {
        List<Object> taken = new ArrayList<>();
        for (Call<?> consumer : consumers) {
            Throwable thrown = consumer.failure();
            Object got = thrown == null ? consumer.result() : null;
            boolean own = put.stream().anyMatch(item -> item == got) && taken.stream().noneMatch(item -> item == got);
            if (thrown != null || !own) {
                String what = thrown != null ? thrown.getClass().getName() : String.valueOf(got);
                return Feedback.failure("buffer.lost-wakeup.masked", consumer.thread().getName().replace("grader-", ""), what);
            }
            taken.add(got);
        }
        return null;
    }

    /**
     * poll(timeout) on an empty buffer, robbed every {@link #ROB_EVERY_MS}: a producer puts (and
     * signals the poller), and a consumer queued right behind it takes the item before the woken
     * poller gets the lock back. The poller must give up at its deadline: not at the first empty
     * wake-up, and not a full timeout after the last one.
     */
    Call<Item> robbedPoll(Duration timeout) {
        Call<Item> poller = Call.start("poller", () -> buffer.poll(timeout));
        robWhileWaiting(poller, () -> buffer.put(item()), () -> buffer.poll(Duration.ZERO));
        return poller;
    }

    /** The mirror at capacity 1: offer(item, timeout) on a full buffer; a consumer frees the slot, a producer refills it. */
    Call<Boolean> robbedOffer(Duration timeout) throws InterruptedException {
        buffer.put(item());
        Call<Boolean> offerer = Call.start("offerer", () -> buffer.offer(item(), timeout));
        robWhileWaiting(offerer, () -> buffer.poll(Duration.ZERO), () -> buffer.offer(item(), Duration.ZERO));
        return offerer;
    }

    private void robWhileWaiting(Call<?> waiter, Call.Action give, Call.Action steal) {
        long end = System.nanoTime() + ROB_FOR_MS * 1_000_000;
        while (!waiter.isDone() && System.nanoTime() < end) {
            if (!StudentLock.waitsOnCondition(waiter.thread())) {
                Threads.pause();
                continue;
            }
            Threads.sleep(ROB_EVERY_MS);
            if (waiter.isDone()) {
                return;
            }
            List<Call<?>> robbers = new ArrayList<>();
            lineUpAndRelease(robbers, List.of(give, steal), "robber");
            robbers.forEach(c -> Calls.awaitEnd(c, "put/poll"));
        }
    }

    /**
     * Waits until {@code waiter} has either ended or is back waiting on a Condition with the lock
     * free and nobody queued: the schedule has played out. Whether it ended.
     */
    private boolean settle(Call<?> waiter) {
        long deadline = System.nanoTime() + Tolerances.SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            if (waiter.isDone()) {
                return true;
            }
            if (lock.settledWaiting(waiter)) {
                // Checked twice, a moment apart: a thread just handed the lock may not have run yet.
                Threads.sleep(20);
                if (lock.settledWaiting(waiter)) {
                    return waiter.isDone();
                }
            }
            Threads.pause();
        }
        return waiter.isDone();
    }

    /** Lets a waiter that behaved go, by giving it what it waits for; interrupts it if even that fails. */
    private static void finish(Call<?> waiter, Call.Action release) {
        Call<Void> releaser = Call.run("releaser", release);
        releaser.awaitDone(Tolerances.BOUND);
        waiter.awaitDone(Tolerances.SETTLE);
        Calls.stop(waiter, releaser);
    }
}
