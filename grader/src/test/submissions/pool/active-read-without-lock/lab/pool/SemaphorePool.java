package lab.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bug (catalog 8, in the pool): the names are replaced, under the pool's monitor, by a new
 * immutable list at each change, but active() reads the field without the monitor, and the field
 * is not volatile. A task always sees its own name, and x86 shows every write soon enough, so no
 * stress finds it; on another processor active() may return a list that is long out of date.
 */
public class SemaphorePool implements Pool {

    private final int permits;
    private final Semaphore semaphore;
    private List<String> names = List.of();

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
        if (!semaphore.tryAcquire(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS)) {
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

    private synchronized void enter() {
        List<String> next = new ArrayList<>(names);
        next.add(Thread.currentThread().getName());
        names = List.copyOf(next);
    }

    private synchronized void leave() {
        List<String> next = new ArrayList<>(names);
        next.remove(Thread.currentThread().getName());
        names = List.copyOf(next);
    }

    @Override
    public List<String> active() {
        return new ArrayList<>(names); // no lock, and names is not volatile
    }

    @Override
    public int permits() {
        return permits;
    }
}
