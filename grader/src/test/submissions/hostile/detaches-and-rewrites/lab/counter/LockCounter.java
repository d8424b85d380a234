package lab.counter;

import java.util.function.LongUnaryOperator;

/**
 * Starts a detached process (setsid, nohup, a shell's background job: it is re-parented and
 * survives the JVM) that rewrites the grade file a few seconds after grading. SandboxTests fills
 * in the @...@ placeholders.
 */
public class LockCounter implements Counter {
    public LockCounter() {
        try {
            new ProcessBuilder("/bin/sh", "-c",
                    "nohup setsid /bin/sh -c 'sleep 4; echo forged > @TARGET@ # @MARKER@' >/dev/null 2>&1 &").start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void increment() { }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
