package lab.counter;

import java.util.function.LongUnaryOperator;

/**
 * Lab 1: a counter guarded by a {@link java.util.concurrent.locks.Lock}. Read
 * {@code handouts/counter.md}, then replace each TODO. Run {@code mvn test} to see your grade.
 */
public class LockCounter implements Counter {

    // TODO: a Lock field and a plain long value.

    public LockCounter() {
    }

    @Override
    public void increment() {
        throw new UnsupportedOperationException("TODO: increment() is not written yet (see handouts/counter.md)");
    }

    @Override
    public long get() {
        throw new UnsupportedOperationException("TODO: get() is not written yet (see handouts/counter.md)");
    }

    @Override
    public boolean tryIncrement() {
        throw new UnsupportedOperationException("TODO: tryIncrement() is not written yet (see handouts/counter.md)");
    }

    @Override
    public long update(LongUnaryOperator f) {
        throw new UnsupportedOperationException("TODO: update(f) is not written yet (see handouts/counter.md)");
    }
}
