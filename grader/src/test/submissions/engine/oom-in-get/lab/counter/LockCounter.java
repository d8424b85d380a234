package lab.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/** get() eats the heap: the JVM dies during that check, the next check runs in a fresh JVM. */
public class LockCounter implements Counter {
    private static final List<long[]> HOG = new ArrayList<>();
    private long value;
    public void increment() { value++; }
    public long get() {
        while (true) {
            HOG.add(new long[16 << 20]); // 128 MB a step: out of memory within a few steps
        }
    }
    public boolean tryIncrement() { value++; return true; }
    public long update(LongUnaryOperator f) { value = f.applyAsLong(value); return value; }
}
