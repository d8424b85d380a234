package lab.counter;

import java.util.function.LongUnaryOperator;

/** get() throws an exception whose getStackTrace() never returns: whoever formats it without a time limit hangs. */
public class LockCounter implements Counter {
    static final class Endless extends RuntimeException {
        Endless() {
            super("endless");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            while (true) {
                Thread.onSpinWait();
            }
        }
    }

    public void increment() { }
    public long get() { throw new Endless(); }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
