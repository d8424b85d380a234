package lab.counter;

import java.util.function.LongUnaryOperator;

/** get() never returns: the watchdog must cut the check off and show where it spins. */
public class LockCounter implements Counter {
    private long value;
    public void increment() { value++; }
    public long get() {
        while (true) {
            Thread.onSpinWait();
        }
    }
    public boolean tryIncrement() { value++; return true; }
    public long update(LongUnaryOperator f) { value = f.applyAsLong(value); return value; }
}
