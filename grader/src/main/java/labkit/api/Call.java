package labkit.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One call into the student's code, made in a thread of its own named {@code grader-<name>}, so
 * that a check can watch it: has it finished, is it parked on a lock, how much CPU has it used.
 *
 * <pre>{@code
 * Call<Void> incrementer = Call.start("incrementer", counter::increment);
 * assertThat(incrementer.awaitParkedOrDone(Duration.ofSeconds(1))).isTrue();
 * }</pre>
 *
 * @param <T> the call's result type
 */
public final class Call<T> {

    /** A call without a result. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;
    private volatile T result;
    private volatile Throwable failure;

    private Call(String name, Callable<T> body) {
        this.thread = new Thread(() -> {
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            } finally {
                endNanos = System.nanoTime();
                done.countDown();
            }
        }, "grader-" + name);
        thread.setDaemon(true);
    }

    /** Starts {@code body} in a new thread named {@code grader-<name>}. */
    public static <T> Call<T> start(String name, Callable<T> body) {
        Call<T> call = new Call<>(name, body);
        call.thread.start();
        return call;
    }

    /** Starts {@code body}, which returns nothing, in a new thread named {@code grader-<name>}. */
    public static Call<Void> run(String name, Action body) {
        return start(name, () -> {
            body.run();
            return null;
        });
    }

    /** The thread making the call. */
    public Thread thread() {
        return thread;
    }

    /** Whether the call has returned or thrown. */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits at most {@code bound} for the call to end; whether it did. */
    public boolean awaitDone(Duration bound) {
        try {
            return done.await(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return isDone();
        }
    }

    /**
     * Waits at most {@code bound} until the call has ended or its thread is parked on a
     * {@code java.util.concurrent} synchronizer (a lock, a condition, a semaphore); whether one
     * of the two happened. A thread that only sleeps or spins is neither.
     */
    public boolean awaitParkedOrDone(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (isDone() || Threads.isParkedOnSynchronizer(thread)) {
                return true;
            }
            Threads.pause();
        }
        return isDone() || Threads.isParkedOnSynchronizer(thread);
    }

    /** How a call stands after {@link #awaitDoneOrStuck}. */
    public enum Progress {
        /** The call returned or threw. */
        DONE,
        /** The calling thread stayed parked or blocked the whole stuck-limit without the call ending. */
        STUCK,
        /** Neither within the bound: the thread keeps running (a spin, a sleep loop). */
        RUNNING
    }

    /**
     * Waits until the call ends, or its thread has been parked on a synchronizer (or blocked on a
     * monitor) without a break for {@code stuckFor}, or {@code bound} has passed. A parked thread
     * that no one will wake is stuck; one that is only slow keeps making progress.
     */
    public Progress awaitDoneOrStuck(Duration stuckFor, Duration bound) {
        long start = System.nanoTime();
        long parkedSince = -1;
        while (System.nanoTime() - start < bound.toNanos()) {
            if (isDone()) {
                return Progress.DONE;
            }
            boolean parked = Threads.isParkedOnSynchronizer(thread) || thread.getState() == Thread.State.BLOCKED;
            long now = System.nanoTime();
            if (!parked) {
                parkedSince = -1;
            } else if (parkedSince < 0) {
                parkedSince = now;
            } else if (now - parkedSince >= stuckFor.toNanos()) {
                return Progress.STUCK;
            }
            Threads.sleep(5);
        }
        return isDone() ? Progress.DONE : Progress.RUNNING;
    }

    /**
     * Watches the call until it ends or {@code bound} has passed: the locks its thread held the
     * first time it was seen asleep holding any ({@link Threads#locksHeldAsleep}), monitors and
     * Locks alike; empty when it never was. What is seen is certain, there is no threshold: the
     * thread's state is read without pause, and the full look (a safepoint) is taken only when it
     * is timed-waiting off any synchronizer. A watcher kept off the processor for the whole of a
     * short sleep misses it, so repeat the call where that matters.
     */
    public List<String> locksHeldAsleep(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!isDone() && System.nanoTime() < deadline) {
            if (thread.getState() == Thread.State.TIMED_WAITING && LockSupport.getBlocker(thread) == null) {
                List<String> held = Threads.locksHeldAsleep(thread);
                if (!held.isEmpty()) {
                    return held;
                }
                // A timed Object.wait or a sleep without a lock: look again later, not at every spin.
                Threads.pause();
            }
            Thread.onSpinWait();
        }
        return List.of();
    }

    /**
     * Waits for a call that nothing stands in the way of any more, {@link Tolerances#BOUND} at
     * most, and returns it, so that {@code call.mustEnd("take()").result()} reads on. One that does
     * not end fails the check with message {@code call.never-returned} and every thread's state
     * attached, and is interrupted, so that it leaves the next check alone.
     */
    public Call<T> mustEnd(String method) {
        if (!awaitDone(Tolerances.BOUND)) {
            String report = Threads.report();
            interrupt();
            throw Feedback.failure("call.never-returned", method, Tolerances.BOUND.toSeconds()).withDetails(report);
        }
        return this;
    }

    /** Interrupts the calling thread. */
    public void interrupt() {
        thread.interrupt();
    }

    /** The call's result; rethrows what the call threw (checked exceptions wrapped). Only after it ended. */
    public T result() {
        if (!isDone()) {
            throw new IllegalStateException("the call has not ended");
        }
        Throwable t = failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return result;
    }

    /** What the call threw, or {@code null}. Only meaningful after it ended. */
    public Throwable failure() {
        return failure;
    }

    /** How long the call has run, or ran, in milliseconds. */
    public long elapsedMillis() {
        long end = isDone() ? endNanos : System.nanoTime();
        return (end - startNanos) / 1_000_000;
    }

    /** CPU time the calling thread has used so far, in milliseconds; -1 when the JVM cannot tell. */
    public long cpuMillis() {
        long nanos = Threads.cpuTimeNanos(thread);
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }

    /**
     * Waits {@code window} and returns the CPU time each call's thread used meanwhile, in
     * milliseconds, in the order given; 0 for a call whose CPU time the JVM cannot tell, so that
     * nobody fails for the JVM's sake.
     */
    public static long[] cpuMillisDuring(Duration window, Call<?>... calls) {
        long[] before = new long[calls.length];
        for (int i = 0; i < calls.length; i++) {
            before[i] = calls[i].cpuMillis();
        }
        Threads.sleep(window.toMillis());
        long[] used = new long[calls.length];
        for (int i = 0; i < calls.length; i++) {
            long after = calls[i].cpuMillis();
            used[i] = before[i] < 0 || after < 0 ? 0 : after - before[i];
        }
        return used;
    }
}
