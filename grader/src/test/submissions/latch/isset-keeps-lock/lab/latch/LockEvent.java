package lab.latch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Known bug: isSet() takes the lock and never gives it back: the next thread to use the event blocks for ever. */
public class LockEvent implements Event {

    /** A timeout longer than a year is waited as a year, so that the deadline's arithmetic cannot overflow. */
    private static final long MAX_WAIT_NANOS = TimeUnit.DAYS.toNanos(365);

    private final Lock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean flag;

    @Override
    public void set() {
        lock.lock();
        try {
            flag = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            flag = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isSet() {
        lock.lock();
        return flag;
    }

    @Override
    public void await() throws InterruptedException {
        lock.lock();
        try {
            while (!flag) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(toNanos(timeout), MAX_WAIT_NANOS);
        lock.lock();
        try {
            long left = deadline - System.nanoTime();
            while (!flag && left > 0) {
                changed.awaitNanos(left);
                left = deadline - System.nanoTime();
            }
            return flag;
        } finally {
            lock.unlock();
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
