package lab.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Correct but unusual (must score full marks): a fair Semaphore, a plain ArrayList guarded by
 * synchronized blocks on itself, and a timeout conversion that catches the overflow itself.
 */
public class SemaphorePool implements Pool {

    private final int permits;
    private final Semaphore semaphore;
    private final List<String> active = new ArrayList<>();

    public SemaphorePool(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits, true);
    }

    @Override
    public <T> T run(Callable<T> task) throws Exception {
        semaphore.acquire();
        try {
            enter();
            try {
                return task.call();
            } finally {
                leave();
            }
        } finally {
            semaphore.release();
        }
    }

    @Override
    public boolean tryRun(Runnable task, Duration timeout) throws InterruptedException {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
        if (!semaphore.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            enter();
            try {
                task.run();
            } finally {
                leave();
            }
            return true;
        } finally {
            semaphore.release();
        }
    }

    private void enter() {
        synchronized (active) {
            active.add(Thread.currentThread().getName());
        }
    }

    private void leave() {
        synchronized (active) {
            active.remove(Thread.currentThread().getName());
        }
    }

    @Override
    public List<String> active() {
        synchronized (active) {
            return new ArrayList<>(active);
        }
    }

    @Override
    public int permits() {
        return permits;
    }
}
