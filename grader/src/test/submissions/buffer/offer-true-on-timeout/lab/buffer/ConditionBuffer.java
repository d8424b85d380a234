package lab.buffer;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sample with a known bug: an offer(item, timeout) that times out on a full buffer drops the item
 * but still returns true, so the caller believes it went in. Producers that offer lose items, and
 * the consumers then wait for good for items that will never come.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final Object[] items;
    private int head;
    private int count;

    public ConditionBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.items = new Object[capacity];
    }

    @Override
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            // while, not if: a woken producer may find the slot taken again by a faster one.
            while (count == items.length) {
                notFull.await();
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        // Saturates instead of overflowing for huge durations; zero or less means "do not wait".
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        lock.lockInterruptibly();
        try {
            // awaitNanos returns the time left, so a stolen wake-up neither restarts nor ends the wait.
            while (count == items.length) {
                if (nanos <= 0) {
                    break; // gave up waiting
                }
                nanos = notFull.awaitNanos(nanos);
            }
            if (count < items.length) {
                enqueue(item);
            }
            return true; // the item is lost when the buffer stayed full

        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        return items.length;
    }

    /** Only with the lock held and room for one more. */
    private void enqueue(E item) {
        items[(head + count) % items.length] = item;
        count++;
        notEmpty.signal();
    }

    /** Only with the lock held and at least one item. */
    private E dequeue() {
        @SuppressWarnings("unchecked")
        E item = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        notFull.signal();
        return item;
    }
}
