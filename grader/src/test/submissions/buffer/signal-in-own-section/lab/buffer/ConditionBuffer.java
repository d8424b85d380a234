package lab.buffer;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Correct but unusual (the shape of LinkedBlockingQueue's signalNotEmpty): the item is put or
 * taken in one locked section, and the waiting side is signalled in a second one after unlock().
 * Nothing is read or changed between the two, so another thread may use the buffer there.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private final Lock lock = new ReentrantLock();
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
        signal(notEmpty);
    }

    @Override
    public E take() throws InterruptedException {
        E item;
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            item = dequeue();
        } finally {
            lock.unlock();
        }
        signal(notFull);
        return item;
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
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            enqueue(item);
        } finally {
            lock.unlock();
        }
        signal(notEmpty);
        return true;
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        E item;
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            item = dequeue();
        } finally {
            lock.unlock();
        }
        signal(notFull);
        return item;
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
    }

    /** Only with the lock held and at least one item. */
    private E dequeue() {
        @SuppressWarnings("unchecked")
        E item = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        return item;
    }

    /** Wakes one waiter; it rechecks its condition in its while loop, so a late signal is harmless. */
    private void signal(Condition condition) {
        lock.lock();
        try {
            condition.signal();
        } finally {
            lock.unlock();
        }
    }
}
