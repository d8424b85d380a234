package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Bug: one static lock for every counter, so separate counters hold each other up. */
public class LockCounter implements Counter {
    private static final Lock LOCK = new ReentrantLock();
    private long value;

    public void increment() { LOCK.lock(); try { value++; } finally { LOCK.unlock(); } }
    public long get() { LOCK.lock(); try { return value; } finally { LOCK.unlock(); } }
    public boolean tryIncrement() {
        if (!LOCK.tryLock()) return false;
        try { value++; return true; } finally { LOCK.unlock(); }
    }
    public long update(LongUnaryOperator f) {
        LOCK.lock();
        try { value = f.applyAsLong(value); return value; } finally { LOCK.unlock(); }
    }
}
