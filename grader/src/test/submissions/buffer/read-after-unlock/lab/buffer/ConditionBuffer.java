package lab.buffer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sample with a known bug (student-bugs #26): take() reserves a slot under the lock and reads it
 * after unlock(), when a producer may already have put the next item there. It changes nothing
 * after unlock(), so only another thread using the buffer in that gap shows the bug.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private final Lock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
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
            while (count == items.length) {
                notFull.await();
            }
            insert(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public E take() throws InterruptedException {
        int slot;
        lock.lock();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            slot = head;
            head = (head + 1) % items.length;
            count--;
            notFull.signal();
        } finally {
            lock.unlock();
        }
        // the slot was ours when we took the lock, so reading it needs no lock (wrong: a producer may refill it first)
        return (E) items[slot];
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
                nanos = notFull.awaitNanos(nanos);
            }
            insert(item);
            notEmpty.signal();
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
                nanos = notEmpty.awaitNanos(nanos);
            }
            E item = remove();
            notFull.signal();
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
