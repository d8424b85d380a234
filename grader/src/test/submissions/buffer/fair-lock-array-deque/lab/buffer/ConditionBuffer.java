package lab.buffer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Correct but unusual (student-bugs, correct #1, #3, #6, #7): a fair ReentrantLock, an
 * ArrayDeque, lockInterruptibly, awaitNanos deadline loops, and signalling before changing the
 * state while still holding the lock.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final int capacity;

    public ConditionBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void put(E item) throws InterruptedException {
        offer(item, Duration.ofSeconds(Long.MAX_VALUE));
    }

    @Override
    public E take() throws InterruptedException {
        return poll(Duration.ofSeconds(Long.MAX_VALUE));
    }

    @Override
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        long deadline = System.nanoTime() + nanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                notFull.awaitNanos(left);
            }
            notEmpty.signal();
            items.addLast(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + nanos(timeout);
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                notEmpty.awaitNanos(left);
            }
            notFull.signal();
            return items.removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** The timeout in nanoseconds, capped at a century so that the deadline arithmetic cannot overflow. */
    private static long nanos(Duration timeout) {
        return Math.min(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.DAYS.toNanos(36_500));
    }
}
