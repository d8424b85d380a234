package lab.counter;

import java.util.function.LongUnaryOperator;

/** Does not compile: the lab is compile_error with javac's message. */
public class LockCounter implements Counter {
    private long value;
    public void increment() { value++ }
    public long get() { return value; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return value; }
}
