package lab.counter;

import java.util.function.LongUnaryOperator;

/** Writes 100 MB to standard output and 100 MB to standard error. */
public class LockCounter implements Counter {
    public void increment() { }
    public long get() {
        String line = "spam ".repeat(200);
        for (int i = 0; i < 100_000; i++) {
            System.out.println(line);
            System.err.println(line);
        }
        return 0;
    }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
