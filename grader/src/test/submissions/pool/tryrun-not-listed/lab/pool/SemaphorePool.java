package lab.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Known bug: tryRun(task, timeout) runs its task without counting it in the bookkeeping, so active() leaves it out. */
public class SemaphorePool implements Pool {

    private final int permits;
    private final Semaphore semaphore;
    /** Thread name to how many of that name's tasks are inside; names are not unique, so a set would not do. */
    private final ConcurrentHashMap<String, Integer> inside = new ConcurrentHashMap<>();

    public SemaphorePool(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.permits = permits;
        this.semaphore = new Semaphore(permits);
    }

    @Override
    public <T> T run(Callable<T> task) throws Exception {
        semaphore.acquire(); // outside try: an interrupted acquire holds no permit to give back
        enter();
        try {
            return task.call();
        } finally {
            leave();
        }
    }

    @Override
    public boolean tryRun(Runnable task, Duration timeout) throws InterruptedException {
        // TimeUnit.convert(Duration) saturates at Long.MAX_VALUE where Duration.toNanos() would overflow;
        // tryAcquire does not wait at all for a zero or negative timeout.
        if (!semaphore.tryAcquire(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS)) {
            return false;
        }
        try {
            task.run();
            return true;
        } finally {
            semaphore.release();
        }
    }

    /** Counts the caller's task inside; called right after the permit was acquired. */
    private void enter() {
        inside.merge(Thread.currentThread().getName(), 1, Integer::sum);
    }

    /** Takes the caller's task out of the bookkeeping, then gives its permit back (also when the task threw). */
    private void leave() {
        inside.computeIfPresent(Thread.currentThread().getName(), (name, count) -> count == 1 ? null : count - 1);
        semaphore.release();
    }

    @Override
    public List<String> active() {
        List<String> names = new ArrayList<>();
        inside.forEach((name, count) -> {
            for (int i = 0; i < count; i++) {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public int permits() {
        return permits;
    }
}
