package lab.counter;

import java.util.function.LongUnaryOperator;

/** Behaves while the checks run; its shutdown hook never ends, so the JVM's System.exit never completes. */
public class LockCounter implements Counter {
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ignored) {
                    // never stop
                }
            }
        }));
    }

    public void increment() { }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
