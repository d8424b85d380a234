package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

import java.util.concurrent.atomic.AtomicLong;

/** Bug (structure): the Lock is there, but the value is an AtomicLong. */
public class LockCounter implements Counter {
    private final Lock lock = new ReentrantLock();
    private final AtomicLong value = new AtomicLong();

    public void increment() { lock.lock(); try { value.incrementAndGet(); } finally { lock.unlock(); } }
    public long get() { lock.lock(); try { return value.get(); } finally { lock.unlock(); } }
    public boolean tryIncrement() {
        if (!lock.tryLock()) return false;
        try { value.incrementAndGet(); return true; } finally { lock.unlock(); }
    }
    public long update(LongUnaryOperator f) {
        lock.lock();
        try { value.set(f.applyAsLong(value.get())); return value.get(); } finally { lock.unlock(); }
    }
}
