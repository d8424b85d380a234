package lab.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Lab 2: a pool that admits at most N tasks at once, with a
 * {@link java.util.concurrent.Semaphore} holding the permits. Read {@code handouts/pool.md},
 * then replace each TODO. Run {@code mvn test} to see your grade.
 */
public class SemaphorePool implements Pool {

    // TODO: a Semaphore field for the permits, and the bookkeeping of the tasks inside.
    private final int permits;

    public SemaphorePool(int permits) {
        // TODO: reject permits < 1 with an IllegalArgumentException.
        this.permits = permits;
    }

    @Override
    public <T> T run(Callable<T> task) throws Exception {
        throw new UnsupportedOperationException("TODO: run(task) is not written yet (see handouts/pool.md)");
    }

    @Override
    public boolean tryRun(Runnable task, Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: tryRun(task, timeout) is not written yet (see handouts/pool.md)");
    }

    @Override
    public List<String> active() {
        throw new UnsupportedOperationException("TODO: active() is not written yet (see handouts/pool.md)");
    }

    @Override
    public int permits() {
        throw new UnsupportedOperationException("TODO: permits() is not written yet (see handouts/pool.md)");
    }
}
