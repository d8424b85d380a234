package lab.counter;

import java.util.function.LongUnaryOperator;

/** Never finishes constructing. */
public class LockCounter implements Counter {
    private long spins;

    public LockCounter() {
        while (spins >= 0) {
            spins = (spins + 1) % 1000;
        }
    }
    public void increment() { }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
