package lab.counter;

import java.util.function.LongUnaryOperator;

/** Sleeps forever in its static initializer, swallowing interrupts and every Throwable. */
public class LockCounter implements Counter {
    static {
        boolean forever = true;
        while (forever) {
            try {
                Thread.sleep(1_000);
            } catch (Throwable ignored) {
                // carry on, whatever happens
            }
        }
    }
    public void increment() { }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
