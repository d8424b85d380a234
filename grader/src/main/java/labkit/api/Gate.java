package labkit.api;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a thread inside the student's code until the check lets it go: call {@link #hold()} from a
 * callback the student's code runs while it holds its lock (such as {@code f} in
 * {@code update(f)}), and the lock stays held, deterministically, while the check looks at what
 * other threads can and cannot do.
 */
public final class Gate {

    /** The longest a thread is held if the check never releases it. */
    static final Duration MAX_HOLD = Duration.ofSeconds(30);

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Called by the held thread: signals that it is inside, then waits for {@link #release()}. */
    public void hold() {
        entered.countDown();
        try {
            released.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits at most {@code bound} for a thread to reach {@link #hold()}; whether one did. */
    public boolean awaitEntered(Duration bound) {
        try {
            return entered.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lets the held thread go on. */
    public void release() {
        released.countDown();
    }
}
