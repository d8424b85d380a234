package lab.buffer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sample with two known bugs: a buffer on synchronized, wait() and notifyAll() instead of a Lock
 * with Conditions, whose put() sleeps inside its synchronized method "to let a consumer catch up",
 * holding the monitor that every consumer needs.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

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
    public synchronized void put(E item) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        while (count == items.length) {
            wait();
        }
        Thread.sleep(10);
        insert(item);
        notifyAll();
    }

    @Override
    public synchronized E take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        E item = remove();
        notifyAll();
        return item;
    }

    @Override
    public synchronized boolean offer(E item, Duration timeout) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        long deadline = System.nanoTime() + TimeUnit.NANOSECONDS.convert(timeout);
        while (count == items.length) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        insert(item);
        notifyAll();
        return true;
    }

    @Override
    public synchronized E poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.NANOSECONDS.convert(timeout);
        while (count == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        E item = remove();
        notifyAll();
        return item;
    }

    @Override
    public synchronized int size() {
        return count;
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
