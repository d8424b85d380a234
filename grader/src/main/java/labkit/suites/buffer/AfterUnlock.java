package labkit.suites.buffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lab.buffer.BoundedBuffer;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.schedule.Snapshot;
import labkit.api.schedule.SteppedLock;

/**
 * Steps calls through a buffer of capacity 1 whose lock is a {@link SteppedLock}, to find code
 * that reads or changes the buffer after {@code unlock()} (student-bugs #26). Deterministic: the
 * stepped call stands still at each stop, and the check alone decides what happens meanwhile.
 *
 * <ul>
 * <li>{@link #unchanged()}: from each moment a call has let go of the lock until it takes it again
 * or returns, the buffer's fields must stay as they are.</li>
 * <li>{@link #undisturbed()}: while a call stands after letting go of the lock, another thread uses
 * the buffer as it may (a taker's freed slot is filled, a putter's item taken); every item must
 * still come out exactly once. This finds reads after unlock, which change nothing.</li>
 * </ul>
 */
final class AfterUnlock {

    /** The caller's own items; {@link #OTHER} is the thread that uses the buffer in between. */
    private static final int CALLER = 0;
    private static final int OTHER = 1;

    private final BoundedBuffer<Item> buffer;
    private final SteppedLock lock;
    private final Snapshot snapshot;
    private int made;

    /** {@code buffer} has capacity 1, is empty, and has had {@code lock} swapped in by {@link LockSwap}. */
    AfterUnlock(BoundedBuffer<Item> buffer, SteppedLock lock) {
        this.buffer = buffer;
        this.lock = lock;
        this.snapshot = new Snapshot(buffer);
    }

    /** One call of the four, with the item it puts (null for a call that takes). */
    private record Op(String name, Item puts, Callable<?> body) {
        boolean takes() {
            return puts == null;
        }
    }

    /** put, take, offer and poll, in an order in which none waits on a buffer of capacity 1 that starts empty. */
    private List<Op> ops() {
        Item put = new Item(CALLER, made++);
        Item offered = new Item(CALLER, made++);
        return List.of(
                new Op("put(item)", put, () -> {
                    buffer.put(put);
                    return null;
                }),
                new Op("take()", null, buffer::take),
                new Op("offer(item, 0 s)", offered, () -> buffer.offer(offered, Duration.ZERO)),
                new Op("poll(0 s)", null, () -> buffer.poll(Duration.ZERO)));
    }

    /** Each call in turn, stepped; the first change made after an unlock(). */
    AssertionError unchanged() throws InterruptedException {
        for (Op op : ops()) {
            Gap gap = new Gap(op.name());
            Calls.resultOf(step(op, gap::open, gap::close), op.name());
            gap.close(); // returning ends the last gap
            if (gap.change != null) {
                return gap.change;
            }
        }
        return null;
    }

    /** From the moment a call has let go of the lock until it takes it again or returns. */
    private final class Gap {
        private final String method;
        private Object released;
        private AssertionError change;

        Gap(String method) {
            this.method = method;
        }

        void open() {
            released = snapshot.take();
        }

        void close() {
            if (change == null && released != null) {
                change = changedSince(method, released);
            }
            released = null;
        }
    }

    /** Each call in turn, stepped, with the other thread using the buffer at each unlock(); the first loss or duplicate. */
    AssertionError undisturbed() throws InterruptedException {
        for (Op op : ops()) {
            List<Item> in = new ArrayList<>();
            List<Item> out = new ArrayList<>();
            List<String> meanwhile = new ArrayList<>();
            if (op.takes()) {
                offerFromOther(in);
            }
            Call<?> call = step(op, () -> meanwhile.add(op.takes() ? offerFromOther(in) : pollFromOther(out)), () -> { });
            Object result = Calls.resultOf(call, op.name());
            settle(op, result, in, out);
            drainInto(out);
            if (!sameItems(in, out)) {
                return Feedback.failure("buffer.state-under-lock.disturbed", op.name(), String.join(", ", meanwhile),
                        in, out);
            }
        }
        return null;
    }

    /** Steps {@code op}: {@code atRelease} runs while it stands just after letting go of the lock. */
    private Call<?> step(Op op, Runnable atRelease, Runnable atAcquire) throws InterruptedException {
        return lock.step(op.body(), stop -> (stop == SteppedLock.Stop.RELEASED ? atRelease : atAcquire).run());
    }

    private String offerFromOther(List<Item> in) {
        Item item = new Item(OTHER, made++);
        boolean taken = other(() -> buffer.offer(item, Duration.ZERO), "offer(item, 0 s)");
        if (taken) {
            in.add(item);
        }
        return "offer(" + item + ", 0 s), which returned " + taken;
    }

    private String pollFromOther(List<Item> out) {
        Item item = other(() -> buffer.poll(Duration.ZERO), "poll(0 s)");
        if (item != null) {
            out.add(item);
        }
        return "poll(0 s), which returned " + item;
    }

    /** A call of the other thread, which never waits (a zero timeout), in a thread of its own so that a hang is reported. */
    private <T> T other(Callable<T> body, String method) {
        return Calls.resultOf(Call.start("other", body), method);
    }

    /** Books the stepped call's own item in or out: what it put, or what it took. */
    private void settle(Op op, Object result, List<Item> in, List<Item> out) {
        if (op.takes()) {
            out.add((Item) result);
        } else if (!Boolean.FALSE.equals(result)) {
            in.add(op.puts());
        }
    }

    private void drainInto(List<Item> out) {
        for (int i = 0; i < 3; i++) {
            Item item = other(() -> buffer.poll(Duration.ZERO), "poll(0 s)");
            if (item == null) {
                return;
            }
            out.add(item);
        }
    }

    private static boolean sameItems(List<Item> in, List<Item> out) {
        List<Item> left = new ArrayList<>(out);
        for (Item item : in) {
            if (!left.remove(item)) {
                return false;
            }
        }
        return left.isEmpty();
    }

    private AssertionError changedSince(String method, Object released) {
        Object now = snapshot.take();
        return Snapshot.same(released, now) ? null
                : Feedback.failure("buffer.state-under-lock.changed-after", method, snapshot.render(released),
                        snapshot.render(now));
    }
}
