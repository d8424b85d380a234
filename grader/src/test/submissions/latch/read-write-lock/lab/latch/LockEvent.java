package lab.latch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Correct but unusual: no Lock field, only a ReentrantReadWriteLock; isSet() under its read lock, the waiters on a Condition of its write lock. */
public class LockEvent implements Event {

    /** A timeout longer than a year is waited as a year, so that the deadline's arithmetic cannot overflow. */
    private static final long MAX_WAIT_NANOS = TimeUnit.DAYS.toNanos(365);

    private final ReadWriteLock locks = new ReentrantReadWriteLock();
    private final Condition changed = locks.writeLock().newCondition();
    private boolean flag;

    @Override
    public void set() {
        locks.writeLock().lock();
        try {
            flag = true;
            changed.signalAll();
        } finally {
            locks.writeLock().unlock();
        }
    }

    @Override
    public void clear() {
        locks.writeLock().lock();
        try {
            flag = false;
        } finally {
            locks.writeLock().unlock();
        }
    }

    @Override
    public boolean isSet() {
        Lock read = locks.readLock();
        read.lock();
        try {
            return flag;
        } finally {
            read.unlock();
        }
    }

    @Override
    public void await() throws InterruptedException {
        locks.writeLock().lock();
        try {
            while (!flag) {
                changed.await();
            }
        } finally {
            locks.writeLock().unlock();
        }
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(toNanos(timeout), MAX_WAIT_NANOS);
        locks.writeLock().lock();
        try {
            long left = deadline - System.nanoTime();
            while (!flag && left > 0) {
                changed.awaitNanos(left);
                left = deadline - System.nanoTime();
            }
            return flag;
        } finally {
            locks.writeLock().unlock();
        }
    }

    private static long toNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException years) {
            return Long.MAX_VALUE;
        }
    }
}
