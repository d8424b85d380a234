package lab.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A pool that admits at most {@link #permits()} tasks at once, like the lecture's
 * {@code Semaphore} guarding an {@code ActivePool}.
 *
 * <p>The implementation is {@code lab.pool.SemaphorePool}, with a public constructor
 * {@code (int permits)} that throws {@link IllegalArgumentException} when
 * {@code permits < 1}. All methods are thread-safe. Tasks run in the calling thread.
 */
public interface Pool {

    /**
     * Waits for a free permit, runs {@code task} in the calling thread while holding it,
     * and returns its result. The permit is always given back, also when the task throws;
     * the task's exception reaches the caller unchanged.
     *
     * @throws InterruptedException if the caller is interrupted while waiting; it then
     *     holds no permit and the task has not run
     */
    <T> T run(Callable<T> task) throws Exception;

    /**
     * Like {@link #run} but gives up waiting for a permit after {@code timeout}.
     * A zero or negative timeout means "do not wait".
     *
     * @return {@code true} if the task ran, {@code false} (without running it) if no permit
     *     came in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean tryRun(Runnable task, Duration timeout) throws InterruptedException;

    /**
     * A snapshot of the names of the threads whose tasks are inside the pool right now,
     * one entry per task, in any order; empty when idle. Later changes to the pool do not
     * change a list already returned.
     */
    List<String> active();

    /** The most tasks that may be inside the pool at once. */
    int permits();
}
