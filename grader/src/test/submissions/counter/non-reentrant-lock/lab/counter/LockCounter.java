package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongUnaryOperator;

/** Bug: a StampedLock's write view is not reentrant; get() inside f deadlocks on itself. */
public class LockCounter implements Counter {
    private final Lock lock = new StampedLock().asWriteLock();
    private long value;

    public void increment() { lock.lock(); try { value++; } finally { lock.unlock(); } }
    public long get() { lock.lock(); try { return value; } finally { lock.unlock(); } }
    public boolean tryIncrement() {
        if (!lock.tryLock()) return false;
        try { value++; return true; } finally { lock.unlock(); }
    }
    public long update(LongUnaryOperator f) {
        lock.lock();
        try { value = f.applyAsLong(value); return value; } finally { lock.unlock(); }
    }
}
