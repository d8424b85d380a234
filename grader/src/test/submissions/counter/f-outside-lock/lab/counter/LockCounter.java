package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Bug: update() reads under the lock, applies f outside it, then writes under the lock again. */
public class LockCounter implements Counter {
    private final Lock lock = new ReentrantLock();
    private long value;

    public void increment() { lock.lock(); try { value++; } finally { lock.unlock(); } }
    public long get() { lock.lock(); try { return value; } finally { lock.unlock(); } }
    public boolean tryIncrement() {
        if (!lock.tryLock()) return false;
        try { value++; return true; } finally { lock.unlock(); }
    }
    public long update(LongUnaryOperator f) {
        long old;
        lock.lock();
        try { old = value; } finally { lock.unlock(); }
        long next = f.applyAsLong(old);
        lock.lock();
        try { value = next; return next; } finally { lock.unlock(); }
    }
}
