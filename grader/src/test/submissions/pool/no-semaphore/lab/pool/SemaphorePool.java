package lab.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Bug (structure): a correct pool, but built on synchronized, wait() and notifyAll() with a counter
 * of free permits instead of the Semaphore the lab asks for.
 */
public class SemaphorePool implements Pool {

    private final int permits;
    private int free;
    private final List<String> active = new ArrayList<>();

    public SemaphorePool(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits < 1");
        }
        this.permits = permits;
        this.free = permits;
    }

    @Override
    public <T> T run(Callable<T> task) throws Exception {
        synchronized (this) {
            while (free == 0) {
                wait();
            }
            enter();
        }
        try {
            return task.call();
        } finally {
            leave();
        }
    }

    @Override
    public boolean tryRun(Runnable task, Duration timeout) throws InterruptedException {
        long remaining = TimeUnit.NANOSECONDS.convert(timeout);
        long end = System.nanoTime() + remaining; // may wrap for huge timeouts; differences stay right
        synchronized (this) {
            while (free == 0) {
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
                remaining = end - System.nanoTime();
            }
            enter();
        }
        try {
            task.run();
            return true;
        } finally {
            leave();
        }
    }

    private void enter() {
        free--;
        active.add(Thread.currentThread().getName());
    }

    private synchronized void leave() {
        active.remove(Thread.currentThread().getName());
        free++;
        notifyAll();
    }

    @Override
    public synchronized List<String> active() {
        return new ArrayList<>(active);
    }

    @Override
    public int permits() {
        return permits;
    }
}
