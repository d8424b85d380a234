package lab.counter;

import java.util.function.LongUnaryOperator;

/** get() recurses without end. */
public class LockCounter implements Counter {
    public void increment() { }
    public long get() { return 1 + get(); }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
