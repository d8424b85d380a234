package labkit.engine.child;

import java.time.Duration;
import labkit.engine.diag.ThreadDiagnostics;

/**
 * Runs a check's body in a thread of its own and gives up on it after a hard bound. A body that
 * does not return in time is left behind (it is a daemon thread, interrupted once): grading goes
 * on with the next check, and the report says what the threads were doing at the bound.
 */
final class Watchdog {

    /** How a body ended: {@code thrown} is null when it returned, {@code stuckThreads} is set when it ran out of time. */
    record Ending(Throwable thrown, String stuckThreads, long durationMs) {
        boolean timedOut() {
            return stuckThreads != null;
        }
    }

    interface Body {
        void run() throws Throwable;
    }

    private Watchdog() {}

    static Ending run(String checkId, Duration bound, Body body) {
        Throwable[] thrown = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "grader-check[" + checkId + "]");
        runner.setDaemon(true);
        long start = System.nanoTime();
        try {
            runner.start();
        } catch (OutOfMemoryError noThreadLeft) {
            // The student's threads used up the sandbox's task cap: this check cannot even start.
            return new Ending(noThreadLeft, null, 0);
        }
        try {
            runner.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (runner.isAlive()) {
            String report = ThreadDiagnostics.report();
            runner.interrupt();
            return new Ending(null, report, elapsed);
        }
        return new Ending(thrown[0], null, elapsed);
    }
}
