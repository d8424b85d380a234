package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Catalog 8: every write under the lock, but get() reads the plain field without it. */
public class LockCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long value;

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
        return value; // no lock, not volatile: a stale value is allowed by the memory model
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
