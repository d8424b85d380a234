package labkit.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import labkit.engine.diag.StackFrames;

/**
 * Runs groups of worker threads against the student's code at once and watches their progress.
 *
 * <p>A run is <em>stalled</em> when no worker has completed an operation for the quiet limit while
 * every unfinished worker is parked or blocked: a deadlock or a lost wake-up. Stalls are told by
 * lack of progress, never by a short fixed deadline, so that a correct submission on a slow
 * machine is never mistaken for a stuck one.
 *
 * <pre>{@code
 * Stress.Result run = Stress.of("producer", 4, (i, progress) -> { ...; progress.tick(); })
 *         .and("consumer", 4, (i, progress) -> { ...; progress.tick(); })
 *         .run();
 * if (run.stalled()) throw Feedback.failure("buffer.x.stalled", run.stuckSummary()).withDetails(run.threadReport());
 * }</pre>
 */
public final class Stress {

    /** The work of one thread. */
    @FunctionalInterface
    public interface Worker {
        void run(int index, Progress progress) throws Exception;
    }

    /** Tells the runner that an operation completed. */
    @FunctionalInterface
    public interface Progress {
        void tick();
    }

    /**
     * How a run ended.
     *
     * @param stalled whether the workers stopped making progress
     * @param operations how many operations completed
     * @param elapsedMillis how long the run took
     * @param stuckSummary one line per unfinished worker with its first submission frame; empty when none
     * @param threadReport the full report of the stuck threads; empty when none
     */
    public record Result(boolean stalled, long operations, long elapsedMillis, String stuckSummary, String threadReport) {

        /**
         * Fails with message {@code key} when the run stalled; the message gets the operations
         * done ({@code {0}}) and the stuck workers ({@code {1}}), the thread report goes below it.
         */
        public void requireProgress(String key) {
            if (stalled) {
                throw Feedback.failure(key, operations, stuckSummary).withDetails(threadReport);
            }
        }
    }

    private record Group(String role, int count, Worker worker) {}

    /** No progress for this long while every worker is parked is a stall. */
    static final Duration DEFAULT_QUIET = Duration.ofSeconds(3);
    /** Past this a run is stopped even if some worker is still running (a livelock or a spin). */
    static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

    private final List<Group> groups = new ArrayList<>();
    private Duration quiet = DEFAULT_QUIET;
    private Duration bound = DEFAULT_BOUND;

    private Stress() {}

    /** A run with {@code count} threads named {@code grader-<role>-<i>}, each doing {@code worker}. */
    public static Stress of(String role, int count, Worker worker) {
        return new Stress().and(role, count, worker);
    }

    /** Adds another group of threads to the run. */
    public Stress and(String role, int count, Worker worker) {
        if (count < 1) {
            throw new IllegalArgumentException("a stress group needs at least one thread, got " + count + " for " + role);
        }
        groups.add(new Group(role, count, worker));
        return this;
    }

    /** Sets how long a run may go without progress, while all workers are parked, before it counts as stalled. */
    public Stress quietLimit(Duration quietLimit) {
        this.quiet = quietLimit;
        return this;
    }

    /** Sets the longest a run may take in all. */
    public Stress bound(Duration totalBound) {
        this.bound = totalBound;
        return this;
    }

    /** Starts all workers together (behind a barrier) and waits until they finish or stall. */
    public Result run() {
        int total = groups.stream().mapToInt(Group::count).sum();
        CyclicBarrier start = new CyclicBarrier(total);
        AtomicLong ticks = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (Group group : groups) {
            for (int i = 0; i < group.count(); i++) {
                int index = i;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        group.worker().run(index, ticks::incrementAndGet);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "grader-" + group.role() + "-" + i);
                t.setDaemon(true);
                workers.add(t);
            }
        }
        long began = System.nanoTime();
        workers.forEach(Thread::start);
        Result result = watch(workers, ticks, failure, began);
        if (result.stalled()) {
            // The stall is the verdict: workers interrupted to end it may throw InterruptedException
            // from an interruptible wait, which must not be mistaken for the submission's error.
            return result;
        }
        Throwable thrown = failure.get();
        if (thrown != null) {
            workers.forEach(Thread::interrupt);
            if (thrown instanceof RuntimeException) {
                throw (RuntimeException) thrown;
            }
            if (thrown instanceof Error) {
                throw (Error) thrown;
            }
            throw new IllegalStateException(thrown);
        }
        return result;
    }

    private Result watch(List<Thread> workers, AtomicLong ticks, AtomicReference<Throwable> failure, long began) {
        long lastTicks = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long seen = ticks.get();
            if (seen != lastTicks) {
                lastTicks = seen;
                lastProgress = now;
            }
            boolean alive = workers.stream().anyMatch(Thread::isAlive);
            if (!alive || failure.get() != null) {
                return new Result(false, seen, (now - began) / 1_000_000, "", "");
            }
            boolean quietTooLong = now - lastProgress > quiet.toNanos() && allParked(workers);
            if (quietTooLong || now - began > bound.toNanos()) {
                Result stalled = new Result(true, seen, (now - began) / 1_000_000, summary(workers), Threads.report());
                workers.forEach(Thread::interrupt);
                return stalled;
            }
            Threads.sleep(10);
        }
    }

    private static boolean allParked(List<Thread> workers) {
        for (Thread t : workers) {
            Thread.State s = t.getState();
            if (t.isAlive() && s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING && s != Thread.State.BLOCKED) {
                return false;
            }
        }
        return true;
    }

    private static String summary(List<Thread> workers) {
        StringBuilder out = new StringBuilder();
        for (Thread t : workers) {
            if (t.isAlive()) {
                String frame = StackFrames.firstSubmissionFrame(t.getStackTrace());
                out.append(out.length() == 0 ? "" : "\n").append("  ").append(t.getName()).append(' ')
                        .append(t.getState().name().toLowerCase(java.util.Locale.ROOT))
                        .append(frame == null ? "" : " in " + frame);
            }
        }
        return out.toString();
    }
}
