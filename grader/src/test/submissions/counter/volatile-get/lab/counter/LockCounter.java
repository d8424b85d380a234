package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Correct but unusual: every write under the lock, and get() reads the volatile field without it (one read is atomic and sees the latest write). */
public class LockCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private volatile long value;

    @Override
    public void increment() {
        lock.lock();
        try {
            value++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long get() {
        return value;
    }

    @Override
    public boolean tryIncrement() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            value++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long update(LongUnaryOperator f) {
        lock.lock();
        try {
            value = f.applyAsLong(value);
            return value;
        } finally {
            lock.unlock();
        }
    }
}
