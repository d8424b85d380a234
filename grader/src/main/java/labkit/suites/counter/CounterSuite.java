package labkit.suites.counter;

import static labkit.api.Tolerances.BOUND;
import static labkit.api.Tolerances.SETTLE;
import static labkit.api.Tolerances.STUCK;
import static labkit.api.Tolerances.WAIT_CPU_BUDGET;
import static labkit.api.Tolerances.WAIT_WINDOW;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.LongUnaryOperator;
import labkit.api.Call;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.Gate;
import labkit.api.GraderException;
import labkit.api.Locks;
import labkit.api.GradedLab;
import labkit.api.Stress;
import labkit.api.Structure;
import labkit.api.Submission;
import labkit.api.Threads;
import lab.counter.Counter;

/**
 * Lab 1, a counter guarded by a lock. Most checks hold the student's own lock from inside
 * {@code update(f)} (a {@link Gate} in {@code f}) and look at what other threads can and cannot do
 * meanwhile: deterministic, not a race that stress may or may not hit.
 */
@GradedLab(id = "counter", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 25)
class CounterSuite {


    @Check(id = "sequential", points = 1, category = Category.CORRECTNESS,
            description = "starts at 0; increment, tryIncrement and update change the value as the handout says")
    void sequential(Submission submission) {
        Counter counter = submission.create(Counter.class);
        expectValue(counter.get(), 0, "counter.sequential.start");
        counter.increment();
        counter.increment();
        expectValue(counter.get(), 2, "counter.sequential.increment");
        if (!counter.tryIncrement() || counter.get() != 3) {
            throw Feedback.fail("counter.sequential.try-increment", counter.get());
        }
        long returned = counter.update(x -> x * 10);
        if (returned != 30 || counter.get() != 30) {
            throw Feedback.fail("counter.sequential.update", returned, counter.get());
        }
    }

    @Check(id = "increment-waits-for-update", points = 2, category = Category.CORRECTNESS,
            description = "increment() waits while another thread's update(f) is running f")
    void incrementWaitsForUpdate(Submission submission) {
        Counter counter = submission.create(Counter.class);
        Held held = Held.inside(counter, LongUnaryOperator.identity());
        Call<Void> incrementer = Call.run("incrementer", counter::increment);
        incrementer.awaitParkedOrDone(SETTLE);
        boolean overlapped = incrementer.isDone();
        held.release();
        awaitEnd(incrementer, "increment()");
        if (overlapped) {
            throw Feedback.fail("counter.increment-waits-for-update.overlapped");
        }
        expectValue(counter.get(), 1, "counter.increment-waits-for-update.value");
    }

    @Check(id = "get-under-lock", points = 1, category = Category.CORRECTNESS,
            description = "get() waits while another thread holds the lock, unless it reads a volatile field")
    void getUnderLock(Submission submission) {
        requireWorking(submission);
        Counter counter = submission.create(Counter.class);
        // With two locks, the one that guards the value is the one get() waits for; a counter
        // without a Lock field is judged by uses-lock, not here.
        for (Lock lock : Locks.of(counter)) {
            if (getWaitsWhileHeld(lock, counter)) {
                return;
            }
        }
        if (!Locks.of(counter).isEmpty()) {
            expectOnlySafeReads(submission.classes());
        }
    }

    /** Holds {@code lock} in the grader's thread and calls get(): whether it waited (or could not be judged). */
    private static boolean getWaitsWhileHeld(Lock lock, Counter counter) {
        Optional<Locks.HeldCall<Long>> held = Locks.callWhileHeld(lock, "reader", counter::get, SETTLE);
        if (held.isEmpty()) {
            return true;
        }
        awaitEnd(held.get().call(), "get()");
        held.get().call().result();
        return !held.get().returnedWhileHeld();
    }

    /**
     * A get() that does not wait for the lock reads the value while another thread may be writing
     * it: with no lock and no volatile, nothing makes that write visible (x86 happens to show it,
     * the Java memory model does not promise it). Its plain field reads are found in the bytecode.
     */
    private static void expectOnlySafeReads(JavaClasses classes) {
        Structure.plainReadFrom(classes, "get").ifPresent(read -> {
            throw Feedback.fail("counter.get-under-lock.plain-read", read.name(), read.where());
        });
    }

    @Check(id = "updates-exclusive", points = 3, category = Category.CORRECTNESS,
            description = "two update(f) calls never run their f at the same time")
    void updatesExclusive(Submission submission) {
        Counter counter = submission.create(Counter.class);
        Held held = Held.inside(counter, LongUnaryOperator.identity());
        AtomicLong secondEntered = new AtomicLong();
        Call<Long> second = Call.start("second-updater", () -> counter.update(x -> {
            secondEntered.incrementAndGet();
            return x + 1;
        }));
        second.awaitParkedOrDone(SETTLE);
        boolean overlapped = secondEntered.get() > 0;
        held.release();
        awaitEnd(second, "update(f)");
        if (overlapped) {
            throw Feedback.fail("counter.updates-exclusive.overlapped");
        }
        expectValue(counter.get(), 1, "counter.updates-exclusive.value");
    }

    @Check(id = "try-increment-never-waits", points = 2, category = Category.TIMING,
            description = "tryIncrement() returns false at once, without incrementing, while another thread holds the lock")
    void tryIncrementNeverWaits(Submission submission) {
        Counter counter = submission.create(Counter.class);
        Held held = Held.inside(counter, LongUnaryOperator.identity());
        Call<Boolean> attempt = Call.start("try-incrementer", counter::tryIncrement);
        boolean returned = attempt.awaitDone(SETTLE);
        held.release();
        if (!returned) {
            awaitEnd(attempt, "tryIncrement()");
            throw Feedback.fail("counter.try-increment-never-waits.waited", SETTLE.toMillis());
        }
        if (attempt.result()) {
            throw Feedback.fail("counter.try-increment-never-waits.returned-true");
        }
        // update(f) writes f's result over any stray increment made meanwhile, so the value is
        // judged with the student's own lock held directly, where nothing overwrites it.
        for (Lock lock : Locks.of(counter)) {
            if (!lock.tryLock()) {
                continue;
            }
            Call<Boolean> blocked;
            try {
                blocked = Call.start("try-incrementer", counter::tryIncrement);
                blocked.awaitDone(SETTLE);
            } finally {
                lock.unlock();
            }
            awaitEnd(blocked, "tryIncrement()");
            if (!blocked.result()) {
                expectValue(counter.get(), 0, "counter.try-increment-never-waits.value");
            }
        }
        expectNoCheckThenAct(submission.classes());
    }

    /**
     * "if (!lock.isLocked()) lock.lock()" passes every schedule a test can force, yet waits when
     * another thread takes the lock between the question and lock(): no grader can stop a thread
     * inside that gap, so it is found in the code. Asking isLocked() before a tryLock() is harmless.
     */
    private static void expectNoCheckThenAct(JavaClasses classes) {
        List<Structure.Invocation> calls = Structure.callsReachableFrom(classes, "tryIncrement");
        boolean tries = calls.stream().anyMatch(c -> c.name().equals("tryLock") && c.parameters() == 0);
        calls.stream().filter(c -> c.name().equals("isLocked") || c.name().equals("isWriteLocked"))
                .findFirst()
                .filter(asked -> !tries)
                .ifPresent(asked -> {
                    throw Feedback.fail("counter.try-increment-never-waits.check-then-act", asked.name(), asked.where());
                });
    }

    @Check(id = "no-lost-updates", points = 2, category = Category.CORRECTNESS,
            description = "4 threads mixing increment, update and tryIncrement lose no update")
    void noLostUpdates(Submission submission, Random random) {
        Counter counter = submission.create(Counter.class);
        int perThread = 5_000;
        long[] seeds = random.longs(4).toArray();
        AtomicLong expected = new AtomicLong();
        Stress.Result run = Stress.of("worker", 4, (i, progress) -> {
            Random choices = new Random(seeds[i]);
            long done = 0;
            for (int n = 0; n < perThread; n++) {
                switch (choices.nextInt(3)) {
                    case 0 -> { counter.increment(); done++; }
                    case 1 -> { counter.update(x -> x + 1); done++; }
                    default -> done += counter.tryIncrement() ? 1 : 0;
                }
                progress.tick();
            }
            expected.addAndGet(done);
        }).run();
        run.requireProgress("counter.stress-stalled");
        if (counter.get() != expected.get()) {
            throw Feedback.fail("counter.no-lost-updates.lost", expected.get(), counter.get(), expected.get() - counter.get());
        }
    }

    @Check(id = "try-increment-counts-successes", points = 2, category = Category.CORRECTNESS,
            description = "tryIncrement() increments exactly when it returns true, also when the lock is contended")
    void tryIncrementCountsSuccesses(Submission submission) {
        Counter counter = submission.create(Counter.class);
        AtomicLong successes = new AtomicLong();
        int updates = 300;
        java.util.concurrent.CountDownLatch updatersDone = new java.util.concurrent.CountDownLatch(2);
        // The updaters hold the lock most of the time, and the try-incrementers keep trying for as
        // long as they run: many tries meet a held lock, however the machine schedules the threads.
        Stress.Result run = Stress.of("slow-updater", 2, (i, progress) -> {
            try {
                for (int n = 0; n < updates; n++) {
                    counter.update(x -> {
                        long until = System.nanoTime() + 200_000;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        return x + 1;
                    });
                    progress.tick();
                }
            } finally {
                updatersDone.countDown();
            }
        }).and("try-incrementer", 2, (i, progress) -> {
            while (updatersDone.getCount() > 0) {
                if (counter.tryIncrement()) {
                    successes.incrementAndGet();
                }
                progress.tick();
                java.util.concurrent.locks.LockSupport.parkNanos(10_000); // leave the updaters room to take the lock
            }
        }).run();
        run.requireProgress("counter.stress-stalled");
        long expected = 2L * updates + successes.get();
        if (counter.get() != expected) {
            throw Feedback.fail("counter.try-increment-counts-successes.mismatch", successes.get(), 2 * updates,
                    expected, counter.get());
        }
    }

    @Check(id = "exception-propagates", points = 2, category = Category.CORRECTNESS,
            description = "when f throws, update(f) throws that same exception and the value is unchanged")
    void exceptionPropagates(Submission submission) {
        Counter counter = submission.create(Counter.class);
        counter.increment();
        GraderException thrown = new GraderException();
        Call<Long> update = Call.start("updater", () -> counter.update(x -> {
            throw thrown;
        }));
        awaitEnd(update, "update(f)");
        Throwable seen = update.failure();
        if (seen == null) {
            throw Feedback.fail("counter.exception-propagates.swallowed", update.result());
        }
        if (seen != thrown) {
            throw Feedback.fail("counter.exception-propagates.replaced", seen.getClass().getName());
        }
        Call<Long> read = Call.start("reader", counter::get);
        if (read.awaitDoneOrStuck(STUCK, BOUND) == Call.Progress.DONE && read.failure() == null) {
            expectValue(read.result(), 1, "counter.exception-propagates.value");
        }
    }

    @Check(id = "lock-per-instance", points = 1, category = Category.CORRECTNESS,
            description = "two counters do not share a lock: one's update(f) does not hold up the other")
    void lockPerInstance(Submission submission) {
        Counter first = submission.create(Counter.class);
        Counter second = submission.create(Counter.class);
        Held held = Held.inside(first, LongUnaryOperator.identity());
        Call<Void> other = Call.run("other-counter", second::increment);
        Call.Progress progress = other.awaitDoneOrStuck(STUCK, BOUND);
        held.release();
        if (progress != Call.Progress.DONE) {
            throw Feedback.fail("counter.lock-per-instance.shared");
        }
        other.result();
    }

    @Check(id = "reentrant-get", points = 2, category = Category.DEADLOCK,
            description = "f may call get() on the same counter: no deadlock, and it sees the value from before update")
    void reentrantGet(Submission submission) {
        Counter counter = submission.create(Counter.class);
        counter.increment();
        counter.increment();
        AtomicLong seenInside = new AtomicLong(-1);
        Call<Long> update = Call.start("updater", () -> counter.update(x -> {
            seenInside.set(counter.get());
            return x + 5;
        }));
        if (update.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            throw Feedback.failure("counter.reentrant-get.deadlock", STUCK.toMillis()).withDetails(Threads.report());
        }
        long result = update.result();
        if (seenInside.get() != 2 || result != 7) {
            throw Feedback.fail("counter.reentrant-get.value", seenInside.get(), result);
        }
    }

    @Check(id = "lock-order", points = 1, category = Category.DEADLOCK,
            description = "increment() and update(f) queued behind each other on any of your locks never deadlock")
    void lockOrder(Submission submission) {
        requireWorking(submission);
        for (boolean updateFirst : new boolean[] {false, true}) {
            Counter counter = submission.create(Counter.class);
            for (Lock lock : Locks.of(counter)) {
                queueBehind(lock, counter, updateFirst);
            }
        }
    }

    /**
     * Holds {@code lock} so that both calls queue up behind it in a fixed order, then lets go: the
     * lock hands over first-come first-served, so a lock-order cycle between the two methods
     * becomes a deadlock every time instead of once in a million interleavings.
     */
    private static void queueBehind(Lock lock, Counter counter, boolean updateFirst) {
        if (!lock.tryLock()) {
            return;
        }
        List<Call<?>> calls = new java.util.ArrayList<>();
        try {
            Call.Action increment = counter::increment;
            Call.Action update = () -> counter.update(x -> x + 1);
            for (Call.Action action : updateFirst ? List.of(update, increment) : List.of(increment, update)) {
                Call<Void> call = Call.run(action == update ? "updater" : "incrementer", action);
                call.awaitParkedOrDone(SETTLE);
                calls.add(call);
            }
        } finally {
            lock.unlock();
        }
        for (Call<?> call : calls) {
            if (call.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
                throw Feedback.failure("counter.lock-order.deadlock", updateFirst ? "update(f)" : "increment()",
                        updateFirst ? "increment()" : "update(f)").withDetails(Threads.report());
            }
            call.result();
        }
    }

    @Check(id = "lock-released-after-exception", points = 2, category = Category.DEADLOCK,
            description = "after f throws, the lock is free: a new thread's increment() goes through")
    void lockReleasedAfterException(Submission submission) {
        Counter counter = submission.create(Counter.class);
        Call<Long> failing = Call.start("updater", () -> counter.update(x -> {
            throw new GraderException();
        }));
        awaitEnd(failing, "update(f)");
        Call<Void> next = Call.run("next-incrementer", counter::increment);
        if (next.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            throw Feedback.failure("counter.lock-released-after-exception.held", STUCK.toMillis()).withDetails(Threads.report());
        }
        next.result();
    }

    @Check(id = "lock-released", points = 1, category = Category.DEADLOCK,
            description = "every method gives the lock back: after each call a new thread's increment() goes through")
    void lockReleased(Submission submission) {
        Counter counter = submission.create(Counter.class);
        List<Named> calls = List.of(
                new Named("increment()", counter::increment),
                new Named("get()", counter::get),
                new Named("tryIncrement()", counter::tryIncrement),
                new Named("update(f)", () -> counter.update(x -> x + 1)));
        for (Named call : calls) {
            Call<Void> caller = Call.run("caller", call.action());
            awaitEnd(caller, call.name());
            caller.result();
            Call<Void> next = Call.run("next-incrementer", counter::increment);
            if (next.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
                throw Feedback.failure("counter.lock-released.held", call.name(), STUCK.toMillis()).withDetails(Threads.report());
            }
            next.result();
        }
    }

    @Check(id = "no-busy-wait", points = 1, category = Category.TIMING,
            description = "a thread waiting for the lock in increment() sleeps instead of burning CPU")
    void noBusyWait(Submission submission) {
        Counter counter = submission.create(Counter.class);
        Held held = Held.inside(counter, LongUnaryOperator.identity());
        Call<Void> waiter = Call.run("waiter", counter::increment);
        waiter.awaitParkedOrDone(SETTLE);
        long cpuUsed = Call.cpuMillisDuring(WAIT_WINDOW, waiter)[0];
        held.release();
        awaitEnd(waiter, "increment()");
        if (cpuUsed > WAIT_CPU_BUDGET.toMillis()) {
            throw Feedback.fail("counter.no-busy-wait.spinning", cpuUsed, WAIT_WINDOW.toMillis());
        }
    }

    @Check(id = "uses-lock", points = 1, category = Category.STRUCTURE,
            description = "a java.util.concurrent.locks.Lock guards the value")
    void usesLock(Submission submission) {
        requireWorking(submission);
        JavaClasses classes = submission.classes();
        boolean hasLock = classes.stream().flatMap(c -> c.getFields().stream())
                .anyMatch(f -> f.getRawType().isAssignableTo(Lock.class) || f.getRawType().isAssignableTo(ReadWriteLock.class));
        if (!hasLock) {
            throw Feedback.fail("counter.uses-lock.none", submission.className());
        }
    }

    @Check(id = "no-synchronized-or-atomics", points = 1, category = Category.STRUCTURE,
            description = "no synchronized and no java.util.concurrent.atomic: the lock does the work")
    void noSynchronizedOrAtomics(Submission submission) {
        requireWorking(submission);
        List<String> monitors = Structure.synchronizedUses(submission.classes());
        if (!monitors.isEmpty()) {
            throw Feedback.failure("counter.no-synchronized-or-atomics.synchronized").withDetails(String.join("\n", monitors));
        }
        Structure.require(noClasses().should().dependOnClassesThat().resideInAPackage("java.util.concurrent.atomic.."),
                submission.classes(), "counter.no-synchronized-or-atomics.atomics");
    }

    // ---- helpers that read like the scenarios above ----

    /** A thread inside {@code update(f)}, held there by a {@link Gate} so that it keeps the lock. */
    private record Held(Gate gate, Call<Long> call) {
        static Held inside(Counter counter, LongUnaryOperator f) {
            Gate gate = new Gate();
            Call<Long> call = Call.start("holder", () -> counter.update(x -> {
                gate.hold();
                return f.applyAsLong(x);
            }));
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (!gate.awaitEntered(Duration.ofMillis(10)) && !call.isDone() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (!gate.awaitEntered(Duration.ZERO)) {
                gate.release();
                if (call.isDone()) {
                    call.result();
                }
                throw Feedback.fail("counter.update-never-ran-f", BOUND.toSeconds());
            }
            return new Held(gate, call);
        }

        void release() {
            gate.release();
            awaitEnd(call, "update(f)");
            call.result();
        }
    }

    private record Named(String name, Call.Action action) {}

    /** Structure and lock-order points need a class that works at all: a skeleton's TODOs throw here. */
    private static void requireWorking(Submission submission) {
        Counter counter = submission.create(Counter.class);
        counter.increment();
        counter.get();
    }

    /** {@link Call#mustEnd}, named as the suite's call sites read. */
    private static void awaitEnd(Call<?> call, String method) {
        call.mustEnd(method);
    }

    private static void expectValue(long actual, long expected, String key) {
        if (actual != expected) {
            throw Feedback.fail(key, expected, actual);
        }
    }

}
