package lab.counter;

import java.util.function.LongUnaryOperator;

/** Calls System.exit: refused by the static rules, the JVM is never started. */
public class LockCounter implements Counter {
    private long value;
    public void increment() { System.exit(3); }
    public long get() { return value; }
    public boolean tryIncrement() { Runtime.getRuntime().halt(4); return true; }
    public long update(LongUnaryOperator f) { return value; }
}
