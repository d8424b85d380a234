package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Bug: tryIncrement() increments whether or not tryLock() succeeded. */
public class LockCounter implements Counter {
    private final Lock lock = new ReentrantLock();
    private long value;

    public void increment() { lock.lock(); try { value++; } finally { lock.unlock(); } }
    public long get() { lock.lock(); try { return value; } finally { lock.unlock(); } }
    public boolean tryIncrement() {
        boolean got = lock.tryLock();
        value++;
        if (got) lock.unlock();
        return got;
    }
    public long update(LongUnaryOperator f) {
        lock.lock();
        try { value = f.applyAsLong(value); return value; } finally { lock.unlock(); }
    }
}
