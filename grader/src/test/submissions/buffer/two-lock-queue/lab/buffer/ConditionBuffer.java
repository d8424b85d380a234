package lab.buffer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Correct but unusual (student-bugs, correct #4): the two-lock queue of LinkedBlockingQueue, one
 * lock and Condition for producers, one for consumers, an AtomicInteger count and linked nodes.
 * No single lock guards everything, so the grader cannot force schedules and judges it by stress.
 */
public class ConditionBuffer<E> implements BoundedBuffer<E> {

    private static final class Node<E> {
        E item;
        Node<E> next;

        Node(E item) {
            this.item = item;
        }
    }

    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock putLock = new ReentrantLock();
    private final Condition notFull = putLock.newCondition();
    private final ReentrantLock takeLock = new ReentrantLock();
    private final Condition notEmpty = takeLock.newCondition();
    private Node<E> head = new Node<>(null);
    private Node<E> last = head;

    public ConditionBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void put(E item) throws InterruptedException {
        offer(item, Duration.ofDays(36_500));
    }

    @Override
    public E take() throws InterruptedException {
        return poll(Duration.ofDays(36_500));
    }

    @Override
    public boolean offer(E item, Duration timeout) throws InterruptedException {
        if (item == null) {
            throw new NullPointerException("item");
        }
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        int before;
        putLock.lockInterruptibly();
        try {
            while (count.get() == capacity) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            last.next = new Node<>(item);
            last = last.next;
            before = count.getAndIncrement();
            if (before + 1 < capacity) {
                notFull.signal();
            }
        } finally {
            putLock.unlock();
        }
        if (before == 0) {
            takeLock.lock();
            try {
                notEmpty.signal();
            } finally {
                takeLock.unlock();
            }
        }
        return true;
    }

    @Override
    public E poll(Duration timeout) throws InterruptedException {
        long nanos = TimeUnit.NANOSECONDS.convert(timeout);
        E item;
        int before;
        takeLock.lockInterruptibly();
        try {
            while (count.get() == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            Node<E> first = head.next;
            head.next = head; // help the garbage collector, as LinkedBlockingQueue does
            head = first;
            item = first.item;
            first.item = null;
            before = count.getAndDecrement();
            if (before > 1) {
                notEmpty.signal();
            }
        } finally {
            takeLock.unlock();
        }
        if (before == capacity) {
            putLock.lock();
            try {
                notFull.signal();
            } finally {
                putLock.unlock();
            }
        }
        return item;
    }

    @Override
    public int size() {
        return count.get();
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
