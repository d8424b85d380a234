package lab.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bug: the active names are a set, so two threads with the same name inside count once. */
public class SemaphorePool implements Pool {

    private final int permits;
    private final Semaphore semaphore;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

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
        String me = Thread.currentThread().getName();
        active.add(me);
        try {
            return task.call();
        } finally {
            active.remove(me);
            semaphore.release();
        }
    }

    @Override
    public boolean tryRun(Runnable task, Duration timeout) throws InterruptedException {
        if (!semaphore.tryAcquire(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS)) {
            return false;
        }
        String me = Thread.currentThread().getName();
        active.add(me);
        try {
            task.run();
            return true;
        } finally {
            active.remove(me);
            semaphore.release();
        }
    }

    @Override
    public List<String> active() {
        return List.copyOf(active);
    }

    @Override
    public int permits() {
        return permits;
    }
}
