package lab.latch;

import java.time.Duration;

/**
 * The latch lab: an event flag built on a {@link java.util.concurrent.locks.Lock} and a
 * {@link java.util.concurrent.locks.Condition}. Read {@code handouts/latch.md}, then replace each
 * TODO. Run {@code mvn test} to see your grade.
 */
public class LockEvent implements Event {

    // TODO: a Lock, a Condition made by it, and a boolean flag.

    public LockEvent() {
    }

    @Override
    public void set() {
        throw new UnsupportedOperationException("TODO: set() is not written yet (see handouts/latch.md)");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("TODO: clear() is not written yet (see handouts/latch.md)");
    }

    @Override
    public boolean isSet() {
        throw new UnsupportedOperationException("TODO: isSet() is not written yet (see handouts/latch.md)");
    }

    @Override
    public void await() throws InterruptedException {
        throw new UnsupportedOperationException("TODO: await() is not written yet (see handouts/latch.md)");
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: await(timeout) is not written yet (see handouts/latch.md)");
    }
}
