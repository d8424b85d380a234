package lab.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Bug: a lock that should guard only the bookkeeping is held while the task runs, so the pool admits one task at a time. */
public class SemaphorePool implements Pool {

    private final int permits;
    private final Semaphore semaphore;
    private final List<String> active = new CopyOnWriteArrayList<>();
    private final Lock lock = new ReentrantLock();

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
        try {
            lock.lock();
            try {
                active.add(Thread.currentThread().getName());
                return task.call();
            } finally {
                active.remove(Thread.currentThread().getName());
                lock.unlock();
            }
        } finally {
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
