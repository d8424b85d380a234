package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Bug: every call makes a lock of its own, so nothing is excluded. */
public class LockCounter implements Counter {
    private long value;

    public void increment() { Lock lock = new ReentrantLock(); lock.lock(); try { value++; } finally { lock.unlock(); } }
    public long get() { Lock lock = new ReentrantLock(); lock.lock(); try { return value; } finally { lock.unlock(); } }
    public boolean tryIncrement() {
        Lock lock = new ReentrantLock();
        if (!lock.tryLock()) return false;
        try { value++; return true; } finally { lock.unlock(); }
    }
    public long update(LongUnaryOperator f) {
        Lock lock = new ReentrantLock();
        lock.lock();
        try { value = f.applyAsLong(value); return value; } finally { lock.unlock(); }
    }
}
