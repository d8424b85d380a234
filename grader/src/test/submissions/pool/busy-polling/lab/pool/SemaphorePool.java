package lab.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Bug (catalog 32): run() and tryRun() spin on tryAcquire() instead of blocking, burning a CPU while they wait. */
public class SemaphorePool implements Pool {

    private final int permits;
    private final Semaphore semaphore;
    private final List<String> active = new CopyOnWriteArrayList<>();

    public SemaphorePool(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits < 1");
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits);
    }

    @Override
    public <T> T run(Callable<T> task) throws Exception {
        while (!semaphore.tryAcquire()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
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
        long deadline = System.nanoTime() + TimeUnit.NANOSECONDS.convert(timeout);
        boolean acquired;
        while (!(acquired = semaphore.tryAcquire()) && System.nanoTime() - deadline < 0) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        if (!acquired) {
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
