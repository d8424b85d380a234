package lab.counter;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongUnaryOperator;

/**
 * Correct but unusual (catalog "do not fail" 1 and 4): a fair ReentrantReadWriteLock, the read
 * lock for get(), and an isWriteLocked() fast path that is only a hint before tryLock() decides.
 */
public class LockCounter implements Counter {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock(true);
    private long value;

    @Override
    public void increment() {
        rw.writeLock().lock();
        try {
            value++;
        } finally {
            rw.writeLock().unlock();
        }
    }

    @Override
    public long get() {
        rw.readLock().lock();
        try {
            return value;
        } finally {
            rw.readLock().unlock();
        }
    }

    @Override
    public boolean tryIncrement() {
        if (rw.isWriteLocked() || !rw.writeLock().tryLock()) {
            return false;
        }
        try {
            value++;
            return true;
        } finally {
            rw.writeLock().unlock();
        }
    }

    @Override
    public long update(LongUnaryOperator f) {
        rw.writeLock().lock();
        try {
            value = f.applyAsLong(value);
            return value;
        } finally {
            rw.writeLock().unlock();
        }
    }
}
