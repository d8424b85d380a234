package lab.buffer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sample with a known shortcut: the textbook semaphore buffer (free slots and filled slots as two
 * Semaphores, a Lock only for the queue) instead of Conditions. Correct otherwise: the permits are
 * meant to change outside the lock, so only the structure checks fail.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private final Lock lock = new ReentrantLock();
    private final Semaphore free;
    private final Semaphore filled = new Semaphore(0);
    private final ArrayDeque<E> items = new ArrayDeque<>();
    private final int capacity;

    public ConditionBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    @Override
    public void put(E item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        free.acquire();
        add(item);
    }

    @Override
    public E take() throws InterruptedException {
        filled.acquire();
        return remove();
    }

    @Override
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        if (!free.tryAcquire(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS)) {
            return false;
        }
        add(item);
        return true;
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        if (!filled.tryAcquire(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS)) {
            return null;
        }
        return remove();
    }

    private void add(E item) {
        lock.lock();
        try {
            items.addLast(item);
        } finally {
            lock.unlock();
        }
        filled.release();
    }

    private E remove() {
        E item;
        lock.lock();
        try {
            item = items.removeFirst();
        } finally {
            lock.unlock();
        }
        free.release();
        return item;
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
}
