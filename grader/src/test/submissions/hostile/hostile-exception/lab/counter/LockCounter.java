package lab.counter;

import java.util.function.LongUnaryOperator;

/** Throws exceptions that loop in getMessage() and are huge in toString(). */
public class LockCounter implements Counter {
    static final class Nasty extends RuntimeException {
        @Override
        public String getMessage() {
            while (true) {
                Thread.onSpinWait();
            }
        }

        @Override
        public String toString() {
            return "x".repeat(10_000_000);
        }
    }

    public void increment() { throw new Nasty(); }
    public long get() { throw new Nasty(); }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
