package lab.buffer;

import java.time.Duration;

/**
 * Lab 3: a bounded buffer for producers and consumers, built on a
 * {@link java.util.concurrent.locks.Lock} with {@link java.util.concurrent.locks.Condition}s.
 * Read {@code handouts/buffer.md}, then replace each TODO. Run {@code mvn test} to see your grade.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    // TODO: a Lock, its Conditions, and the items (a plain array or an ArrayDeque) with a count.

    private final int capacity;

    public ConditionBuffer(int capacity) {
        // TODO: reject a capacity below 1 (see handouts/buffer.md).
        this.capacity = capacity;
    }

    @Override
    public void put(E item) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: put(item) is not written yet (see handouts/buffer.md)");
    }

    @Override
    public E take() throws InterruptedException {
        throw new UnsupportedOperationException("TODO: take() is not written yet (see handouts/buffer.md)");
    }

    @Override
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: offer(item, timeout) is not written yet (see handouts/buffer.md)");
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: poll(timeout) is not written yet (see handouts/buffer.md)");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("TODO: size() is not written yet (see handouts/buffer.md)");
    }

    @Override
    public int capacity() {
        throw new UnsupportedOperationException("TODO: capacity() is not written yet (see handouts/buffer.md)");
    }
}
