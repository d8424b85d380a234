package lab.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bug (catalog 18): check-then-act on a counter instead of a Semaphore. Between seeing room
 * (running.get() < permits) and taking it (incrementAndGet()) other callers see the same room,
 * so a burst of callers overfills the pool. The waiting spins (and burns CPU) as well.
 */
public class SemaphorePool implements Pool {

    private final int permits;
    private final AtomicInteger running = new AtomicInteger();
    private final List<String> active = new CopyOnWriteArrayList<>();

    public SemaphorePool(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits < 1");
        }
        this.permits = permits;
    }

    @Override
    public <T> T run(Callable<T> task) throws Exception {
        while (running.get() >= permits) {
            Thread.onSpinWait();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return inside(task);
    }

    @Override
    public boolean tryRun(Runnable task, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.NANOSECONDS.convert(timeout);
        while (running.get() >= permits) {
            if (end - System.nanoTime() <= 0) {
                return false;
            }
            Thread.onSpinWait();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        try {
            return inside(() -> {
                task.run();
                return true;
            });
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private <T> T inside(Callable<T> task) throws Exception {
        running.incrementAndGet();
        String me = Thread.currentThread().getName();
        active.add(me);
        try {
            return task.call();
        } finally {
            active.remove(me);
            running.decrementAndGet();
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
