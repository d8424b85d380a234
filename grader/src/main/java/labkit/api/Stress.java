package labkit.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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

    /** Tells the runner that an operation completed, or that the worker only retries one that finds nothing. */
    @FunctionalInterface
    public interface Progress {
        void tick();

        /**
         * The worker is about to retry a call that found nothing (a poll that returned null, an
         * offer that returned false), until its next {@link #tick}: it waits in the check's own
         * loop, as good as parked, and does not keep a stalled run going until the bound.
         */
        default void retrying() {}
    }

    /** One worker's progress: its ticks go to the run's count; it says when it only retries. */
    private static final class WorkerProgress implements Progress {
        private final AtomicLong ticks;
        private volatile boolean retrying;

        WorkerProgress(AtomicLong ticks) {
            this.ticks = ticks;
        }

        @Override
        public void tick() {
            retrying = false;
            ticks.incrementAndGet();
        }

        @Override
        public void retrying() {
            retrying = true;
        }
    }

    /**
     * How a run ended.
     *
     * @param stalled whether the workers stopped making progress
     * @param operations how many operations completed
     * @param elapsedMillis how long the run took
     * @param stuckSummary one line per unfinished worker with its first submission frame; empty when none
     * @param threadReport the full report of the stuck threads; empty when none
     * @param unfinished the workers still alive when the run stalled, and what each waited on; empty when none
     */
    public record Result(boolean stalled, long operations, long elapsedMillis, String stuckSummary, String threadReport,
            List<Waiter> unfinished) {

        /**
         * Whether the run stalled with every unfinished worker waiting: parked on a
         * {@code java.util.concurrent} synchronizer (a lock, a Condition), or retrying a call that
         * finds nothing ({@link Progress#retrying}). Nothing but another thread's call could get
         * them on, and none is coming. A worker running, asleep or blocked on a monitor leaves it false.
         */
        public boolean allWaiting() {
            return stalled && !unfinished.isEmpty() && unfinished.stream().allMatch(Waiter::waits);
        }

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

    /**
     * A worker still alive when a run stalled: its thread's name, the synchronizer it was parked
     * on ({@link java.util.concurrent.locks.LockSupport#getBlocker}; {@code null} when it was not
     * parked on one) and its first frame in the submission ({@code null} when none).
     */
    public record Waiter(String thread, Object blocker, boolean retrying, String frame) {

        /** Parked on a synchronizer, or retrying a call that finds nothing: waiting, either way. */
        public boolean waits() {
            return blocker != null || retrying;
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
        List<WorkerProgress> progress = new ArrayList<>();
        for (Group group : groups) {
            for (int i = 0; i < group.count(); i++) {
                int index = i;
                WorkerProgress mine = new WorkerProgress(ticks);
                progress.add(mine);
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        group.worker().run(index, mine);
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
        Result result = watch(workers, progress, ticks, failure, began);
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

    private Result watch(List<Thread> workers, List<WorkerProgress> progress, AtomicLong ticks,
            AtomicReference<Throwable> failure, long began) {
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
                return new Result(false, seen, (now - began) / 1_000_000, "", "", List.of());
            }
            boolean quietTooLong = now - lastProgress > quiet.toNanos() && allParked(workers, progress);
            if (quietTooLong || now - began > bound.toNanos()) {
                Result stalled = new Result(true, seen, (now - began) / 1_000_000, summary(workers), Threads.report(),
                        waiters(workers, progress));
                workers.forEach(Thread::interrupt);
                return stalled;
            }
            Threads.sleep(10);
        }
    }

    private static boolean allParked(List<Thread> workers, List<WorkerProgress> progress) {
        for (int i = 0; i < workers.size(); i++) {
            Thread t = workers.get(i);
            Thread.State s = t.getState();
            if (t.isAlive() && !progress.get(i).retrying
                    && s != Thread.State.WAITING && s != Thread.State.TIMED_WAITING && s != Thread.State.BLOCKED) {
                return false;
            }
        }
        return true;
    }

    /**
     * What each live worker waits on, read before the workers are interrupted to end the run. A
     * worker retrying a timed call wakes for a moment between two waits, so a few looks are taken
     * and the synchronizer seen in any of them counts.
     */
    private static List<Waiter> waiters(List<Thread> workers, List<WorkerProgress> progress) {
        Object[] blockers = new Object[workers.size()];
        for (int look = 0; look < WAITER_LOOKS; look++) {
            for (int i = 0; i < workers.size(); i++) {
                Thread t = workers.get(i);
                if (blockers[i] == null && t.isAlive() && Threads.isParkedOnSynchronizer(t)) {
                    blockers[i] = LockSupport.getBlocker(t);
                }
            }
            Threads.pause();
        }
        List<Waiter> waiting = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Thread t = workers.get(i);
            if (t.isAlive()) {
                waiting.add(new Waiter(t.getName(), blockers[i], progress.get(i).retrying,
                        StackFrames.firstSubmissionFrame(t.getStackTrace())));
            }
        }
        return List.copyOf(waiting);
    }

    /** How many looks {@link #waiters} takes, a millisecond apart. */
    private static final int WAITER_LOOKS = 10;

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
