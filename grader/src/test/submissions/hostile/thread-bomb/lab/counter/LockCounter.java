package lab.counter;

import java.util.function.LongUnaryOperator;

/** Starts thousands of non-daemon threads that never end, every time one is constructed. */
public class LockCounter implements Counter {
    public LockCounter() {
        for (int i = 0; i < 2_000; i++) {
            new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException ignored) {
                        // never stop
                    }
                }
            }).start();
        }
    }
    public void increment() { }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
