package lab.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * increment() starts threads that would never end, until the JVM refuses one; then it ends them
 * (some of them, so that the grader has threads left to format the message) and reports how many it got in the
 * message of the exception it throws, with the kernel's limit on processes. It gives up after 2 s,
 * within the check's 5 s bound, which on a slow machine comes before the limit.
 */
public class LockCounter implements Counter {
    private static volatile boolean stop;

    public void increment() {
        List<Thread> started = new ArrayList<>();
        long until = System.nanoTime() + 2_000_000_000L;
        String outcome = "not refused";
        try {
            while (System.nanoTime() < until) {
                Thread t = new Thread(() -> {
                    while (!stop) {
                        try {
                            Thread.sleep(600_000);
                        } catch (InterruptedException ignored) {
                            // look at stop again
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                started.add(t);
            }
        } catch (Throwable refused) {
            outcome = "refused";
        }
        stop = true;
        for (Thread t : started) {
            t.interrupt();
        }
        // Ending a hundred of them leaves room enough; the rest end on their own.
        for (Thread t : started.subList(0, Math.min(100, started.size()))) {
            try {
                t.join();
            } catch (InterruptedException e) {
                break;
            }
        }
        throw new IllegalStateException(outcome + " after " + started.size() + " threads, limit " + processLimit());
    }

    /** The soft limit on processes (threads count too) this JVM runs under, as the kernel states it. */
    private static String processLimit() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits")).stream()
                    .filter(l -> l.startsWith("Max processes")).map(l -> l.split("\\s+")[2]).findFirst().orElse("none");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
