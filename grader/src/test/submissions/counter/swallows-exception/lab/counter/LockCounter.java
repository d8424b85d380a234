package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Bug: an exception from f is caught and dropped; the caller sees a normal return. */
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
        lock.lock();
        try { value = f.applyAsLong(value); } catch (RuntimeException e) { System.out.println("f failed: " + e); } finally { lock.unlock(); }
        return value;
    }
}
