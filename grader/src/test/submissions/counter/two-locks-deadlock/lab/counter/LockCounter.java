package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Bug: two locks taken in opposite orders by increment() and update(): a lock-order deadlock. */
public class LockCounter implements Counter {
    private final Lock valueLock = new ReentrantLock();
    private final Lock statsLock = new ReentrantLock();
    private long value;
    private long calls;

    public void increment() {
        valueLock.lock();
        try {
            statsLock.lock();
            try { value++; calls++; } finally { statsLock.unlock(); }
        } finally { valueLock.unlock(); }
    }
    public long get() { valueLock.lock(); try { return value; } finally { valueLock.unlock(); } }
    public boolean tryIncrement() {
        if (!valueLock.tryLock()) return false;
        try { value++; return true; } finally { valueLock.unlock(); }
    }
    public long update(LongUnaryOperator f) {
        statsLock.lock();
        try {
            calls++;
            valueLock.lock();
            try { value = f.applyAsLong(value); return value; } finally { valueLock.unlock(); }
        } finally { statsLock.unlock(); }
    }
}
