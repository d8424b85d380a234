package lab.counter;

import java.util.function.LongUnaryOperator;

/** Starts a non-daemon thread that never ends and prints far too much: grading still ends. */
public class LockCounter implements Counter {
    private long value;

    public LockCounter() {
        Thread forever = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // carries on forever, on purpose
                }
            }
        });
        forever.start();
    }

    public void increment() {
        String line = "x".repeat(1000);
        for (int i = 0; i < 20_000; i++) {
            System.out.println(line);
        }
        value++;
    }
    public long get() { return value; }
    public boolean tryIncrement() { value++; return true; }
    public long update(LongUnaryOperator f) { value = f.applyAsLong(value); return value; }
}
