package lab.counter;

import java.util.function.LongUnaryOperator;

/** Bug: synchronized methods instead of a Lock; tryIncrement() cannot help waiting for the monitor. */
public class LockCounter implements Counter {
    private long value;
    private boolean busy;

    public synchronized void increment() { value++; }
    public synchronized long get() { return value; }
    public boolean tryIncrement() {
        synchronized (this) {
            if (busy) return false;
            value++;
            return true;
        }
    }
    public synchronized long update(LongUnaryOperator f) {
        busy = true;
        try { value = f.applyAsLong(value); return value; } finally { busy = false; }
    }
}
