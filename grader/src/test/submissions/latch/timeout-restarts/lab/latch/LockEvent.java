package lab.latch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Known bug: await(timeout) waits the whole timeout again after every wake-up, so wake-ups keep it waiting past its deadline. */
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
        try {
            return flag;
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            while (!flag) {
                if (!changed.await(Math.min(toNanos(timeout), MAX_WAIT_NANOS), TimeUnit.NANOSECONDS)) {
                    return flag;
                }
            }
            return true;
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
