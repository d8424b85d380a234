package lab.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bug (catalog 13): release() and the bookkeeping are not in a finally: a task that throws keeps its permit for ever. */
public class SemaphorePool implements Pool {

    private final int permits;
    private final Semaphore semaphore;
    private final List<String> active = new ArrayList<>();

    public SemaphorePool(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits < 1");
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits);
    }

    @Override
    public <T> T run(Callable<T> task) throws Exception {
        semaphore.acquire();
        add();
        T result = task.call();
        remove();
        semaphore.release();
        return result;
    }

    @Override
    public boolean tryRun(Runnable task, Duration timeout) throws InterruptedException {
        if (!semaphore.tryAcquire(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS)) {
            return false;
        }
        add();
        task.run();
        remove();
        semaphore.release();
        return true;
    }

    private synchronized void add() {
        active.add(Thread.currentThread().getName());
    }

    private synchronized void remove() {
        active.remove(Thread.currentThread().getName());
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
