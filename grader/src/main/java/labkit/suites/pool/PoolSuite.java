package labkit.suites.pool;

import static labkit.api.Tolerances.BOUND;
import static labkit.api.Tolerances.SETTLE;
import static labkit.api.Tolerances.STUCK;
import static labkit.api.Tolerances.WAIT_CPU_BUDGET;
import static labkit.api.Tolerances.WAIT_WINDOW;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import labkit.api.Call;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.GradedLab;
import labkit.api.GraderException;
import labkit.api.Locks;
import labkit.api.Stress;
import labkit.api.Structure;
import labkit.api.Submission;
import labkit.api.Threads;
import lab.pool.Pool;

/**
 * Lab 2, a pool that admits at most N tasks at once. Most checks fill the pool with tasks the
 * check holds inside ({@link Crowd}), then look at what other callers can and cannot do meanwhile;
 * "N can be inside together" is proved by a {@link CyclicBarrier} of N parties inside the tasks,
 * which trips only if all N really are inside at once.
 */
@GradedLab(id = "pool", contract = Pool.class, studentClass = "lab.pool.SemaphorePool", points = 25)
class PoolSuite {

    /** A tryRun timeout long enough that a call still waiting at the end of a check surely did not time out. */
    static final Duration LONG_TIMEOUT = Duration.ofMinutes(1);

    @Check(id = "constructor", points = 1, category = Category.CORRECTNESS,
            description = "new SemaphorePool(n) rejects n < 1 with IllegalArgumentException; permits() returns n")
    void constructor(Submission submission) {
        for (int n : new int[] {1, 3}) {
            int permits = submission.create(Pool.class, n).permits();
            if (permits != n) {
                throw Feedback.fail("pool.constructor.permits", n, permits);
            }
        }
        for (int bad : new int[] {0, -1}) {
            try {
                submission.create(Pool.class, bad);
            } catch (IllegalArgumentException expected) {
                continue;
            } catch (RuntimeException other) {
                throw Feedback.fail("pool.constructor.wrong-exception", bad, other.getClass().getName());
            }
            throw Feedback.fail("pool.constructor.accepted", bad);
        }
    }

    @Check(id = "run-in-caller", points = 1, category = Category.CORRECTNESS,
            description = "run(task) runs the task in the calling thread and returns the task's result")
    void runInCaller(Submission submission) {
        Pool pool = submission.create(Pool.class, 2);
        Object result = new Object();
        AtomicReference<Thread> ranIn = new AtomicReference<>();
        Call<Object> caller = Call.start("caller", () -> pool.run(() -> {
            ranIn.set(Thread.currentThread());
            return result;
        }));
        awaitEnd(caller, "run(task)");
        Object returned = caller.result();
        if (ranIn.get() != caller.thread()) {
            throw Feedback.fail("pool.run-in-caller.other-thread", ranIn.get() == null ? "-" : ranIn.get().getName());
        }
        if (returned != result) {
            throw Feedback.fail("pool.run-in-caller.result", returned == null ? "null" : returned.getClass().getName());
        }
    }

    @Check(id = "exception-propagates", points = 1, category = Category.CORRECTNESS,
            description = "an exception thrown by the task reaches the caller of run or tryRun unchanged")
    void exceptionPropagates(Submission submission) {
        GraderException unchecked = new GraderException();
        GraderCheckedException checked = new GraderCheckedException();
        expectThrown(submission.create(Pool.class, 1), "run(task)", unchecked, p -> p.run(() -> {
            throw unchecked;
        }));
        expectThrown(submission.create(Pool.class, 1), "run(task)", checked, p -> p.run(() -> {
            throw checked;
        }));
        expectThrown(submission.create(Pool.class, 1), "tryRun(task, timeout)", unchecked,
                p -> p.tryRun(() -> {
                    throw unchecked;
                }, LONG_TIMEOUT));
    }

    @Check(id = "at-most-n", points = 2, category = Category.CORRECTNESS,
            description = "never more than permits() tasks inside, also when many callers arrive at once")
    void atMostN(Submission submission) {
        Pool full = submission.create(Pool.class, 1);
        try (Crowd crowd = Crowd.inside(full, 1, "inside")) {
            Waiters extra = Waiters.start(full, 1, "extra");
            int entered = extra.entered();
            crowd.release();
            extra.awaitEnd();
            if (entered > 0) {
                throw Feedback.fail("pool.at-most-n.extra-entered");
            }
        }
        int permits = 3;
        int callers = 12;
        Pool pool = submission.create(Pool.class, permits);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        PoolStress.Bursts bursts = new PoolStress.Bursts(callers);
        Stress.Result run = Stress.of("caller", callers, PoolStress.endsOnStall((i, progress) -> {
            while (bursts.next()) {
                pool.run(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.yield(); // stay inside a little, so that the others arrive meanwhile
                    inside.decrementAndGet();
                    return null;
                });
                progress.tick();
            }
        })).bound(BOUND).run();
        run.requireProgress("pool.stress-stalled");
        if (most.get() > permits) {
            throw Feedback.fail("pool.at-most-n.exceeded", callers, permits, most.get());
        }
    }

    @Check(id = "exactly-n-together", points = 2, category = Category.TIMING,
            description = "permits() tasks can be inside at the same moment: the pool serialises no more than it must")
    void exactlyNTogether(Submission submission) {
        int permits = 3;
        Stress.Result run = PoolStress.together(submission.create(Pool.class, permits), permits, 10);
        if (run.stalled()) {
            throw Feedback.failure("pool.exactly-n-together.stalled", permits, run.stuckSummary()).withDetails(run.threadReport());
        }
    }

    @Check(id = "pools-independent", points = 1, category = Category.CORRECTNESS,
            description = "two pools do not share permits: a full pool does not hold up another one")
    void poolsIndependent(Submission submission) {
        Pool first = submission.create(Pool.class, 1);
        Pool second = submission.create(Pool.class, 1);
        try (Crowd crowd = Crowd.inside(first, 1, "first-pool")) {
            Call<Object> other = Call.start("second-pool", () -> second.run(() -> null));
            Call.Progress progress = other.awaitDoneOrStuck(STUCK, BOUND);
            crowd.release();
            if (progress != Call.Progress.DONE) {
                throw Feedback.fail("pool.pools-independent.shared");
            }
            other.result();
        }
    }

    @Check(id = "permit-back-after-exception", points = 2, category = Category.DEADLOCK,
            description = "after tasks threw in run or tryRun, every permit is back: permits() tasks can again be inside together")
    void permitBackAfterException(Submission submission) {
        expectPermitsBack(submission, "run(task)", pool -> pool.run(() -> {
            throw new GraderException();
        }));
        expectPermitsBack(submission, "tryRun(task, 1 min)", pool -> pool.tryRun(() -> {
            throw new GraderException();
        }, LONG_TIMEOUT));
    }

    /** A call of one of the pool's methods whose task throws. */
    @FunctionalInterface
    private interface FailingCall {
        Object call(Pool pool) throws Exception;
    }

    /** On a pool of its own, so that a permit lost by one method is blamed on that method alone. */
    private static void expectPermitsBack(Submission submission, String method, FailingCall failingCall) {
        int permits = 2;
        Pool pool = submission.create(Pool.class, permits);
        Stress.Result before = PoolStress.together(pool, permits, 1); // else a stall below would be blamed on the exceptions
        if (before.stalled()) {
            throw Feedback.failure("pool.permit-back-after-exception.never-together", permits).withDetails(before.threadReport());
        }
        for (int i = 0; i < permits; i++) {
            Call<Object> failing = Call.start("failing-" + i, () -> failingCall.call(pool));
            if (failing.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
                throw Feedback.failure("pool.permit-back-after-exception.hung", i, permits, STUCK.toMillis(), method)
                        .withDetails(Threads.report());
            }
        }
        Stress.Result run = PoolStress.together(pool, permits, 1);
        if (run.stalled()) {
            throw Feedback.failure("pool.permit-back-after-exception.leaked", permits, method).withDetails(run.threadReport());
        }
    }

    @Check(id = "interrupt-while-waiting", points = 2, category = Category.CORRECTNESS,
            description = "a caller interrupted while waiting for a permit gets InterruptedException and its task does not run")
    void interruptWhileWaiting(Submission submission) {
        expectInterruptible(submission, "run(task)", (pool, task) -> pool.run(() -> {
            task.run();
            return null;
        }));
        expectInterruptible(submission, "tryRun(task, 1 min)", (pool, task) -> pool.tryRun(task, LONG_TIMEOUT));
    }

    /** Interrupts a caller of {@code method} waiting on a full pool of its own: a permit another waiter gave back wrongly cannot blur the verdict. */
    private static void expectInterruptible(Submission submission, String method, WaitingCall waitingCall) {
        Pool pool = submission.create(Pool.class, 1);
        AtomicInteger ran = new AtomicInteger();
        try (Crowd crowd = Crowd.inside(pool, 1, "inside")) {
            Call<Void> waiter = Call.run("waiter", () -> waitingCall.call(pool, ran::incrementAndGet));
            waiter.awaitParkedOrDone(SETTLE);
            waiter.interrupt();
            if (waiter.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
                throw Feedback.failure("pool.interrupt-while-waiting.still-waiting", method, STUCK.toMillis())
                        .withDetails(Threads.report());
            }
            if (ran.get() > 0) {
                throw Feedback.fail("pool.interrupt-while-waiting.task-ran", method);
            }
            Throwable thrown = waiter.failure();
            if (thrown == null) {
                throw Feedback.fail("pool.interrupt-while-waiting.returned", method);
            }
            if (!(thrown instanceof InterruptedException)) {
                throw Feedback.fail("pool.interrupt-while-waiting.wrong-exception", method, thrown.getClass().getName());
            }
            crowd.release();
        }
    }

    /** A call that may wait for a permit of {@code pool}, then runs {@code task}. */
    @FunctionalInterface
    private interface WaitingCall {
        void call(Pool pool, Runnable task) throws Exception;
    }

    @Check(id = "interrupt-keeps-permits", points = 2, category = Category.CORRECTNESS,
            description = "interrupting waiting callers neither loses nor adds permits")
    void interruptKeepsPermits(Submission submission) {
        int permits = 2;
        int interrupted = 3;
        Pool pool = submission.create(Pool.class, permits);
        try (Crowd crowd = Crowd.inside(pool, permits, "inside")) {
            Waiters waiters = Waiters.start(pool, interrupted, "interrupted");
            waiters.interrupt();
            crowd.release();
            waiters.awaitEnd();
        }
        Stress.Result run = PoolStress.together(pool, permits, 1);
        if (run.stalled()) {
            throw Feedback.failure("pool.interrupt-keeps-permits.lost", interrupted, permits).withDetails(run.threadReport());
        }
        try (Crowd crowd = Crowd.inside(pool, permits, "inside")) {
            Waiters extra = Waiters.start(pool, interrupted, "extra");
            int entered = extra.entered();
            crowd.release();
            extra.awaitEnd();
            if (entered > 0) {
                throw Feedback.fail("pool.interrupt-keeps-permits.inflated", interrupted, permits, entered);
            }
        }
    }

    @Check(id = "tryrun-gives-up", points = 1, category = Category.TIMING,
            description = "on a full pool, tryRun(task, timeout) waits about the timeout, then returns false without running the task")
    void tryRunGivesUp(Submission submission) {
        Pool pool = submission.create(Pool.class, 1);
        Duration timeout = Duration.ofMillis(500);
        AtomicInteger ran = new AtomicInteger();
        try (Crowd crowd = Crowd.inside(pool, 1, "inside")) {
            Call<Boolean> attempt = Call.start("try-runner", () -> pool.tryRun(ran::incrementAndGet, timeout));
            if (!attempt.awaitDone(timeout.plus(BOUND))) {
                throw Feedback.failure("pool.tryrun-gives-up.endless", timeout.toMillis(), timeout.plus(BOUND).toSeconds())
                        .withDetails(Threads.report());
            }
            boolean result = attempt.result();
            if (result || ran.get() > 0) {
                throw Feedback.fail("pool.tryrun-gives-up.ran", timeout.toMillis(), result);
            }
            // A timed tryAcquire never returns before its timeout; 80% leaves room for rounding to milliseconds.
            if (attempt.elapsedMillis() < timeout.toMillis() * 8 / 10) {
                throw Feedback.fail("pool.tryrun-gives-up.too-early", timeout.toMillis(), attempt.elapsedMillis());
            }
            crowd.release();
        }
    }

    @Check(id = "tryrun-runs-when-free", points = 1, category = Category.TIMING,
            description = "tryRun(task, timeout) runs the task and returns true at once on a free pool, and as soon as a permit comes")
    void tryRunRunsWhenFree(Submission submission) {
        Pool pool = submission.create(Pool.class, 1);
        AtomicReference<Thread> ranIn = new AtomicReference<>();
        Call<Boolean> free = Call.start("try-runner", () -> pool.tryRun(() -> ranIn.set(Thread.currentThread()), LONG_TIMEOUT));
        if (free.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            throw Feedback.failure("pool.tryrun-runs-when-free.free-waits", STUCK.toMillis(), BOUND.toSeconds()).withDetails(Threads.report());
        }
        if (!free.result() || ranIn.get() != free.thread()) {
            throw Feedback.fail("pool.tryrun-runs-when-free.free-false", free.result());
        }
        Call<Boolean> waiting;
        try (Crowd crowd = Crowd.inside(pool, 1, "inside")) {
            waiting = Call.start("try-runner-waiting", () -> pool.tryRun(() -> { }, LONG_TIMEOUT));
            waiting.awaitParkedOrDone(SETTLE);
            crowd.release();
        }
        if (waiting.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            throw Feedback.failure("pool.tryrun-runs-when-free.permit-missed", STUCK.toMillis(), BOUND.toSeconds()).withDetails(Threads.report());
        }
        if (!waiting.result()) {
            throw Feedback.fail("pool.tryrun-runs-when-free.permit-missed-false");
        }
    }

    /** A timeout as the student would write it, for messages. */
    private record Timeout(String code, Duration value) {}

    private static final Timeout ZERO = new Timeout("Duration.ZERO", Duration.ZERO);
    private static final Timeout NEGATIVE = new Timeout("Duration.ofMillis(-5)", Duration.ofMillis(-5));
    /** Years: Duration.toNanos() overflows on it, TimeUnit.convert(Duration) saturates. */
    private static final Timeout HUGE = new Timeout("Duration.ofDays(365000)", Duration.ofDays(365_000));

    @Check(id = "tryrun-timeouts", points = 1, category = Category.TIMING,
            description = "tryRun with a zero or negative timeout does not wait; a timeout of years works")
    void tryRunTimeouts(Submission submission) {
        Pool pool = submission.create(Pool.class, 1);
        for (Timeout timeout : List.of(ZERO, NEGATIVE, HUGE)) {
            Call<Boolean> free = tryRunCall(pool, timeout.value());
            if (free.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
                throw Feedback.failure("pool.tryrun-timeouts.free-waits", timeout.code()).withDetails(Threads.report());
            }
            if (!tryRunResult(free, timeout)) {
                throw Feedback.fail("pool.tryrun-timeouts.free-false", timeout.code());
            }
        }
        try (Crowd crowd = Crowd.inside(pool, 1, "inside")) {
            for (Timeout timeout : List.of(ZERO, NEGATIVE)) {
                Call<Boolean> full = tryRunCall(pool, timeout.value());
                if (!full.awaitDone(SETTLE)) {
                    throw Feedback.fail("pool.tryrun-timeouts.waited", timeout.code(), SETTLE.toMillis());
                }
                if (tryRunResult(full, timeout)) {
                    throw Feedback.fail("pool.tryrun-timeouts.full-true", timeout.code());
                }
            }
            Call<Boolean> patient = tryRunCall(pool, HUGE.value());
            patient.awaitParkedOrDone(SETTLE);
            boolean gaveUp = patient.isDone();
            crowd.release();
            if (gaveUp) {
                throw Feedback.fail("pool.tryrun-timeouts.huge-gave-up", HUGE.code(), tryRunResult(patient, HUGE));
            }
            if (patient.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE || !tryRunResult(patient, HUGE)) {
                throw Feedback.failure("pool.tryrun-timeouts.huge-missed", HUGE.code()).withDetails(Threads.report());
            }
        }
    }

    /** The result of an ended tryRun call; an exception from converting the timeout is explained, not just reported. */
    private static boolean tryRunResult(Call<Boolean> call, Timeout timeout) {
        if (call.failure() instanceof RuntimeException) {
            throw Feedback.fail("pool.tryrun-timeouts.threw", timeout.code(), call.failure().getClass().getName());
        }
        return call.result();
    }

    @Check(id = "active-names", points = 1, category = Category.CORRECTNESS,
            description = "active() names the thread of every task inside, one entry per task, also when two threads share a name, "
                    + "whether the task came in through run(task) or tryRun(task, timeout)")
    void activeNames(Submission submission) {
        // Room to spare: a pool short of a permit (off-by-one, a tryRun taking two) is another check's business.
        Pool pool = submission.create(Pool.class, 7);
        try (Crowd crowd = Crowd.inside(pool, List.of("twin", "twin", "solo")); Crowd tried = Crowd.insideTryRun(pool, List.of("twin", "tried"))) {
            List<String> inside = new ArrayList<>(crowd.names());
            inside.addAll(tried.names());
            expectActive(pool, inside, "pool.active-names.mismatch");
            tried.release();
            crowd.release();
        }
    }

    @Check(id = "active-excludes-waiting", points = 1, category = Category.CORRECTNESS,
            description = "active() lists only tasks inside, never callers still waiting for a permit")
    void activeExcludesWaiting(Submission submission) {
        Pool pool = submission.create(Pool.class, 2);
        try (Crowd crowd = Crowd.inside(pool, 2, "inside")) {
            Waiters waiters = Waiters.start(pool, 2, "waiting");
            List<String> active = new ArrayList<>(pool.active()); // a copy: a live view is active-snapshot's business
            crowd.release();
            waiters.awaitEnd();
            if (active.stream().anyMatch(waiters.names()::contains)) {
                throw Feedback.fail("pool.active-excludes-waiting.listed", sorted(crowd.names()), sorted(active));
            }
            if (!sorted(active).equals(sorted(crowd.names()))) {
                throw Feedback.fail("pool.active-excludes-waiting.mismatch", sorted(crowd.names()), sorted(active));
            }
        }
    }

    @Check(id = "active-snapshot", points = 1, category = Category.CORRECTNESS,
            description = "a list returned by active() is a snapshot: later changes to the pool, or to that list, do not show through")
    void activeSnapshot(Submission submission) {
        Pool pool = submission.create(Pool.class, 2);
        List<String> kept;
        List<String> seen;
        try (Crowd crowd = Crowd.inside(pool, 2, "inside")) {
            kept = pool.active();
            seen = new ArrayList<>(kept);
            List<String> scribbled = pool.active();
            try {
                scribbled.clear();
            } catch (UnsupportedOperationException readOnly) {
                // an unmodifiable snapshot is fine
            }
            expectActive(pool, crowd.names(), "pool.active-snapshot.changed-by-caller");
            crowd.release();
        }
        if (!kept.equals(seen)) {
            throw Feedback.fail("pool.active-snapshot.live", sorted(seen), sorted(kept));
        }
    }

    @Check(id = "active-empty-when-idle", points = 1, category = Category.CORRECTNESS,
            description = "active() is empty when no task is inside: after normal tasks, failed tasks, timeouts and interrupts alike")
    void activeEmptyWhenIdle(Submission submission) {
        expectIdle(submission.create(Pool.class, 1), "new");
        List<FailingCall> scenarios = List.of(
            pool -> pool.run(() -> null),
            pool -> pool.run(() -> {
                throw new GraderException();
            }),
            pool -> pool.tryRun(() -> { }, LONG_TIMEOUT),
            pool -> pool.tryRun(() -> {
                throw new GraderException();
            }, LONG_TIMEOUT));
        String[] names = {"run", "run-threw", "try-run", "try-run-threw"};
        for (int i = 0; i < scenarios.size(); i++) {
            // A pool for each scenario: a permit that one of them loses is permit-back-after-exception's
            // verdict, and must not make the next scenario hang here.
            Pool fresh = submission.create(Pool.class, 1);
            FailingCall scenario = scenarios.get(i);
            Call<Void> call = Call.run("scenario-" + names[i], () -> scenario.call(fresh));
            awaitEnd(call, "run/tryRun"); // how the call ended is judged by exception-propagates, not here
            expectIdle(fresh, names[i]);
        }
        Pool pool = submission.create(Pool.class, 1);
        try (Crowd crowd = Crowd.inside(pool, 1, "inside")) {
            Call<Boolean> timedOut = tryRunCall(pool, Duration.ofMillis(50));
            awaitEnd(timedOut, "tryRun(task, timeout)");
            Waiters interrupted = Waiters.start(pool, 1, "interrupted");
            interrupted.interrupt();
            interrupted.awaitEnd();
            crowd.release();
        }
        expectIdle(pool, "timed-out-and-interrupted");
    }

    /** How long callers churn through a pool for active-thread-safe: races in unguarded bookkeeping are rare per call, so many calls are needed. */
    static final Duration CHURN_TIME = Duration.ofMillis(1_500);

    @Check(id = "active-thread-safe", points = 1, category = Category.CORRECTNESS,
            description = "active() stays right while many threads enter and leave the pool at once, and reads the bookkeeping under its lock (or volatile, or a concurrent collection)")
    void activeThreadSafe(Submission submission) {
        int callers = 8;
        Pool pool = submission.create(Pool.class, callers); // no caller waits: all the contention is on the bookkeeping
        AtomicInteger missing = new AtomicInteger();
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        long until = System.nanoTime() + CHURN_TIME.toNanos();
        Stress.Result run = Stress.of("caller", callers, PoolStress.endsOnStall((i, progress) -> {
            String me = Thread.currentThread().getName();
            while (System.nanoTime() < until && thrown.get() == null && missing.get() == 0) {
                try {
                    pool.run(() -> {
                        if (!pool.active().contains(me)) {
                            missing.incrementAndGet();
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    thrown.compareAndSet(null, e); // the bookkeeping broke under contention
                }
                progress.tick();
            }
        })).bound(BOUND).run();
        run.requireProgress("pool.stress-stalled");
        String lead = Feedback.text("pool.active-thread-safe.lead", callers);
        if (thrown.get() != null) {
            throw Feedback.fail("pool.active-thread-safe.threw", thrown.get().getClass().getName(), lead);
        }
        if (missing.get() > 0) {
            throw Feedback.fail("pool.active-thread-safe.missing", missing.get(), run.operations(), lead);
        }
        List<String> left = pool.active();
        if (!left.isEmpty()) {
            throw Feedback.fail("pool.active-thread-safe.stale", left.size(), run.operations(), lead);
        }
        expectActiveReadsSafe(submission);
    }

    /**
     * The stress shows only what this processor shows: a task always sees its own name. A read of
     * the bookkeeping without its lock is found on every platform, as counter.get-under-lock finds
     * one: active() is called while the grader holds each of the pool's locks and monitors in turn.
     * If it waits for one, it reads under that lock; if it waits for none, all it reads must be
     * safe without a lock (volatile, or final and thread-safe itself, as a ConcurrentHashMap is).
     */
    private static void expectActiveReadsSafe(Submission submission) {
        Pool pool = submission.create(Pool.class, 2);
        for (Lock lock : Locks.of(pool)) {
            Optional<Locks.HeldCall<List<String>>> held = Locks.callWhileHeld(lock, "reader", pool::active, SETTLE);
            if (held.isEmpty() || waitedFor(held.get())) {
                return;
            }
        }
        for (Object monitor : Locks.monitorsOf(pool)) {
            if (waitedFor(Locks.callWhileHeld(monitor, "reader", pool::active, SETTLE))) {
                return;
            }
        }
        Structure.plainReadFrom(submission.classes(), "active", pool).ifPresent(read -> {
            throw Feedback.fail("pool.active-thread-safe.plain-read", read.name(), read.where());
        });
    }

    /** Whether active(), called while the grader held a lock, waited for it; its end and result are awaited either way. */
    private static boolean waitedFor(Locks.HeldCall<?> held) {
        awaitEnd(held.call(), "active()");
        held.call().result();
        return !held.returnedWhileHeld();
    }

    /** Hand-offs measured; the median is judged, so that one unlucky scheduling delay does not fail anyone. */
    static final int HANDOFFS = 5;
    /** A parked waiter is woken within a few ms; sleep-polling at 100 ms or more takes ~100 ms. */
    static final long HANDOFF_LIMIT_MS = 80;

    @Check(id = "handoff-prompt", points = 1, category = Category.TIMING,
            description = "a waiting caller starts its task promptly (tens of ms) once a permit is free")
    void handoffPrompt(Submission submission) {
        Pool pool = submission.create(Pool.class, 1);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < HANDOFFS; i++) {
            AtomicReference<Long> startedNanos = new AtomicReference<>();
            Call<Object> waiter;
            long leftNanos;
            try (Crowd crowd = Crowd.inside(pool, 1, "holder")) {
                waiter = Call.start("waiter", () -> pool.run(() -> {
                    startedNanos.set(System.nanoTime());
                    return null;
                }));
                // Let go of the permit the moment the waiter starts waiting: a sleep-poller then sleeps a whole period.
                awaitWaiting(waiter.thread());
                crowd.release();
                leftNanos = crowd.leftNanos();
            }
            awaitEnd(waiter, "run(task)");
            waiter.result();
            if (startedNanos.get() == null) {
                throw Feedback.fail("pool.crowd.returned-early");
            }
            latencies.add(Math.max(0, (startedNanos.get() - leftNanos) / 1_000_000));
        }
        List<Long> ordered = new ArrayList<>(latencies);
        Collections.sort(ordered);
        long median = ordered.get(HANDOFFS / 2);
        if (median > HANDOFF_LIMIT_MS) {
            throw Feedback.fail("pool.handoff-prompt.slow", median, HANDOFF_LIMIT_MS, latencies);
        }
    }

    @Check(id = "no-busy-wait", points = 1, category = Category.TIMING,
            description = "callers waiting in run or tryRun sleep instead of burning CPU")
    void noBusyWait(Submission submission) {
        Pool pool = submission.create(Pool.class, 1);
        try (Crowd crowd = Crowd.inside(pool, 1, "inside")) {
            // One after the other, so that they queue in this order and the freed permit goes to run
            // first: a tryRun that never returns is then blamed on tryRun every time.
            Named run = new Named("run(task)", Call.start("waiter-run", () -> pool.run(() -> null)));
            run.call().awaitParkedOrDone(SETTLE);
            Named tryRun = new Named("tryRun(task, 1 min)", tryRunCall(pool, LONG_TIMEOUT));
            tryRun.call().awaitParkedOrDone(SETTLE);
            List<Named> waiters = List.of(run, tryRun);
            long[] used = Call.cpuMillisDuring(WAIT_WINDOW, run.call(), tryRun.call());
            crowd.release();
            waiters.forEach(w -> awaitEnd(w.call(), w.method()));
            for (int i = 0; i < used.length; i++) {
                if (used[i] > WAIT_CPU_BUDGET.toMillis()) {
                    throw Feedback.fail("pool.no-busy-wait.spinning", waiters.get(i).method(), used[i], WAIT_WINDOW.toMillis());
                }
            }
        }
    }

    @Check(id = "uses-semaphore", points = 1, category = Category.STRUCTURE,
            description = "a java.util.concurrent.Semaphore holds the permits")
    void usesSemaphore(Submission submission) {
        JavaClasses classes = submission.classes();
        boolean hasSemaphore = classes.stream().flatMap(c -> c.getFields().stream())
                .anyMatch(f -> f.getRawType().isAssignableTo(Semaphore.class));
        if (!hasSemaphore) {
            throw Feedback.fail("pool.uses-semaphore.none", submission.className());
        }
    }

    // ---- helpers that read like the scenarios above ----

    private record Named(String method, Call<?> call) {}

    /** What a check does to a pool, throwing what the pool throws. */
    @FunctionalInterface
    private interface PoolAction {
        void apply(Pool pool) throws Exception;
    }

    private static Call<Boolean> tryRunCall(Pool pool, Duration timeout) {
        return Call.start("try-runner", () -> pool.tryRun(() -> { }, timeout));
    }

    private static void expectThrown(Pool pool, String method, Throwable expected, PoolAction action) {
        Call<Void> call = Call.run("caller", () -> action.apply(pool));
        awaitEnd(call, method);
        Throwable seen = call.failure();
        if (seen == null) {
            throw Feedback.fail("pool.exception-propagates.swallowed", method, expected.getClass().getSimpleName());
        }
        if (seen != expected) {
            throw Feedback.fail("pool.exception-propagates.replaced", method, expected.getClass().getSimpleName(),
                    seen.getClass().getName());
        }
    }

    private static void expectActive(Pool pool, List<String> expected, String key) {
        List<String> active = pool.active();
        if (!sorted(active).equals(sorted(expected))) {
            throw Feedback.fail(key, sorted(expected), sorted(active));
        }
    }

    private static void expectIdle(Pool pool, String after) {
        List<String> active = pool.active();
        if (!active.isEmpty()) {
            throw Feedback.fail("pool.active-empty-when-idle.stale", Feedback.text("pool.active-empty-when-idle.after." + after),
                    sorted(active));
        }
    }

    /** The names in order, for messages and comparisons that ignore order. */
    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>();
        names.forEach(name -> copy.add(String.valueOf(name)));
        Collections.sort(copy);
        return copy;
    }

    /** Waits (spinning, to see the very moment) until {@code thread} waits or sleeps, at most {@link #SETTLE}. */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && thread.isAlive()) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** Waits for a call that nothing stands in the way of any more; one that stays parked that long never will end. */
    static void awaitEnd(Call<?> call, String method) {
        if (call.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            throw Feedback.failure("pool.call-never-returned", method, STUCK.toMillis(), BOUND.toSeconds()).withDetails(Threads.report());
        }
    }

    /** A checked exception thrown by the grader's task: run(task) must not wrap it. */
    static final class GraderCheckedException extends Exception {
        private static final long serialVersionUID = 1L;

        GraderCheckedException() {
            super("thrown on purpose by the grader's task", null, false, false);
        }
    }
}
