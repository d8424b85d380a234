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
            // 768 MB at once, more than the graded JVM's heap: out of memory at the first step, without
            // first touching 512 MB of pages (which, on a loaded machine, outlasted the check's bound).
            HOG.add(new long[96 << 20]);
        }
    }
    public boolean tryIncrement() { value++; return true; }
    public long update(LongUnaryOperator f) { value = f.applyAsLong(value); return value; }
}
