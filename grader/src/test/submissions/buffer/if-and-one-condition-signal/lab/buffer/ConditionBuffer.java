package lab.buffer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sample with two known bugs (student-bugs #24 and #25): one Condition woken with signal(), which
 * can wake a thread of the wrong kind, and if instead of while around await(), so that the wrongly
 * woken thread goes on instead of waiting again: the lost wake-up never shows as a hang.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private final Lock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Object[] items;
    private int head;
    private int tail;
    private int count;

    public ConditionBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        items = new Object[capacity];
    }

    @Override
    public void put(E item) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        lock.lock();
        try {
            if (count == items.length) {
                changed.await();
            }
            insert(item);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        lock.lock();
        try {
            if (count == 0) {
                changed.await();
            }
            E item = remove();
            changed.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        lock.lock();
        try {
            while (count == items.length) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            insert(item);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        lock.lock();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
            E item = remove();
            changed.signal();
            return item;
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

    private void insert(E item) {
        items[tail] = item;
        tail = (tail + 1) % items.length;
        count++;
    }

    @SuppressWarnings("unchecked")
    private E remove() {
        E item = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        return item;
    }
}
