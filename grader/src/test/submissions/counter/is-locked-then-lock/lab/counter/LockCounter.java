package lab.counter;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/**
 * Bug (catalog 4): tryIncrement() asks isLocked() and then calls lock(). Another thread can take
 * the lock in between, and tryIncrement() then waits: check-then-act on the lock's state.
 */
public class LockCounter implements Counter {
    private final ReentrantLock lock = new ReentrantLock();
    private long value;

    public void increment() { lock.lock(); try { value++; } finally { lock.unlock(); } }
    public long get() { lock.lock(); try { return value; } finally { lock.unlock(); } }

    public boolean tryIncrement() {
        if (isBusy()) {
            return false;
        }
        lock.lock();
        try {
            value++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean isBusy() {
        return lock.isLocked();
    }

    public long update(LongUnaryOperator f) {
        lock.lock();
        try { value = f.applyAsLong(value); return value; } finally { lock.unlock(); }
    }
}
