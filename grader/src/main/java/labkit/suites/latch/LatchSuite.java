package labkit.suites.latch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static labkit.api.Tolerances.BOUND;
import static labkit.api.Tolerances.HUGE;
import static labkit.api.Tolerances.SETTLE;
import static labkit.api.Tolerances.STUCK;
import static labkit.api.Tolerances.WAIT_CPU_BUDGET;
import static labkit.api.Tolerances.WAIT_WINDOW;
import static labkit.suites.latch.Waits.expectPrompt;
import static labkit.suites.latch.Waits.expectEnds;
import static labkit.suites.latch.Waits.stop;
import static labkit.suites.latch.Waits.waiting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import lab.latch.Event;
import labkit.api.Call;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.Fields;
import labkit.api.GradedLab;
import labkit.api.Locks;
import labkit.api.Structure;
import labkit.api.Submission;
import labkit.api.Threads;

/**
 * The latch lab, an event flag on a Lock and a Condition. The wake-up bugs are forced, not hoped
 * for: the grader holds the student's own lock to line waiters and a setter up behind it in a
 * chosen order, and signals the student's Condition itself (a spurious wake-up, which Condition
 * allows) to see whether a woken waiter looks at the flag again. A design without a Lock to hold
 * or a Condition to signal is judged without the forcing and loses the structure points.
 */
@GradedLab(id = "latch", contract = Event.class, studentClass = "lab.latch.LockEvent", points = 25)
class LatchSuite {

    @Check(id = "sequential", points = 1, category = Category.CORRECTNESS,
            description = "a new event is clear; set() sets it, clear() clears it, isSet() says which")
    void sequential(Submission submission) {
        Event event = submission.create(Event.class);
        expectFlag(event, false, "a new event");
        event.set();
        event.set();
        expectFlag(event, true, "set()");
        event.clear();
        expectFlag(event, false, "set() then clear()");
    }

    @Check(id = "returns-when-set", points = 2, category = Category.CORRECTNESS,
            description = "on a set event, await(), await(1 s) and await(0 s) return at once (true)")
    void returnsWhenSet(Submission submission) {
        Event event = submission.create(Event.class);
        event.set();
        expectPrompt(Call.start("waiter", () -> { event.await(); return true; }), "await()");
        expectPrompt(Call.start("waiter", () -> event.await(Duration.ofSeconds(1))), "await(1 s)");
        expectPrompt(Call.start("waiter", () -> event.await(Duration.ZERO)), "await(0 s)");
    }

    @Check(id = "set-wakes-every-waiter", points = 4, category = Category.CORRECTNESS,
            description = "one set() wakes all three threads waiting in await(), not just one")
    void setWakesEveryWaiter(Submission submission) {
        Event event = submission.create(Event.class);
        List<Call<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(waiting(Call.run("waiter-" + i, event::await), "await()"));
        }
        Call.run("setter", event::set).mustEnd("set()").result();
        long stuck = waiters.stream().filter(w -> w.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE).count();
        if (stuck > 0) {
            String report = Threads.report();
            stop(waiters);
            throw Feedback.failure("latch.set-wakes-every-waiter.stuck", stuck, waiters.size(), STUCK.toMillis()).withDetails(report);
        }
        waiters.forEach(Call::result);
    }

    @Check(id = "clear-then-await-blocks", points = 2, category = Category.CORRECTNESS,
            description = "after set() and clear(), await() waits again until the next set()")
    void clearThenAwaitBlocks(Submission submission) {
        Event event = submission.create(Event.class);
        event.set();
        event.clear();
        Call<Void> waiter = waiting(Call.run("waiter", event::await), "await() after set() and clear()");
        Call.run("setter", event::set).mustEnd("set()").result();
        expectEnds(waiter, "latch.not-woken", "await()", STUCK.toMillis());
    }

    @Check(id = "woken-while-clear-waits-again", points = 2, category = Category.CORRECTNESS,
            description = "a waiter woken while the event is still clear (a spurious wake-up) waits again: await() in a while loop")
    void wokenWhileClearWaitsAgain(Submission submission) throws InterruptedException {
        Event event = submission.create(Event.class);
        Call<Void> waiter = waiting(Call.run("waiter", event::await), "await()");
        if (Spurious.wake(event) && waiter.awaitDone(SETTLE)) {
            waiter.result();
            throw Feedback.fail("latch.woken-while-clear-waits-again.returned");
        }
        Call.run("setter", event::set).mustEnd("set()").result();
        expectEnds(waiter, "latch.not-woken", "await()", STUCK.toMillis());
    }

    @Check(id = "no-lost-wakeup", points = 4, category = Category.DEADLOCK,
            description = "await() and set() queued behind your lock in either order: every waiter returns")
    void noLostWakeup(Submission submission) {
        Event event = submission.create(Event.class);
        Lock lock = Locks.of(event).stream().findFirst().orElse(null);
        boolean held = lock != null && lock.tryLock();
        List<String> roles = List.of("early-waiter", "setter", "late-waiter");
        List<Call<Void>> calls = new ArrayList<>();
        try {
            // The late waiter reads the flag before the set() ahead of it in the lock's queue runs.
            for (String role : roles) {
                Call<Void> call = Call.run(role, role.equals("setter") ? event::set : event::await);
                if (held) {
                    Locks.awaitQueued(lock, call.thread(), SETTLE);
                }
                calls.add(call);
            }
        } finally {
            if (held) {
                lock.unlock();
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            expectEnds(calls.get(i), "latch.no-lost-wakeup.stuck", roles.get(i), STUCK.toMillis());
        }
    }

    @Check(id = "lock-released-after-interrupt", points = 3, category = Category.DEADLOCK,
            description = "every method gives the lock back: isSet(), set(), await(0 s) and clear(), each called from one thread then from another, "
                    + "return; an interrupted await() throws InterruptedException and gives the lock back too: a later set() goes through")
    void lockReleasedAfterInterrupt(Submission submission) {
        Waits.expectLockGivenBack(submission.create(Event.class)); // an event of its own: a clear() that does not clear must not fail the rest
        Event event = submission.create(Event.class);
        Call<Void> waiter = waiting(Call.run("waiter", event::await), "await()");
        waiter.interrupt();
        if (waiter.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            Call.run("setter", event::set);
            throw Feedback.fail("latch.lock-released-after-interrupt.kept-waiting", STUCK.toMillis());
        }
        if (!(waiter.failure() instanceof InterruptedException)) {
            waiter.result();
            throw Feedback.fail("latch.lock-released-after-interrupt.returned");
        }
        expectEnds(Call.run("setter", event::set), "latch.lock-released-after-interrupt.held", STUCK.toMillis());
    }

    @Check(id = "timed-await-times-out", points = 2, category = Category.TIMING,
            description = "await(400 ms) on a clear event returns false after about 400 ms; await(0 s) and await(-5 ms) return false at once")
    void timedAwaitTimesOut(Submission submission) throws InterruptedException {
        Event event = submission.create(Event.class);
        for (Duration none : List.of(Duration.ZERO, Duration.ofMillis(-5))) {
            Timed.expectNoWait(Call.start("timed-waiter", () -> event.await(none)), "await(" + none.toMillis() + " ms)");
        }
        Timed.expectGivesUp(Call.start("timed-waiter", () -> event.await(Timed.TIMEOUT)), () -> { });
    }

    @Check(id = "timed-await-keeps-deadline", points = 1, category = Category.TIMING,
            description = "await(400 ms) woken spuriously every 50 ms still gives up after about 400 ms from the call, with false")
    void timedAwaitKeepsDeadline(Submission submission) throws InterruptedException {
        Event event = submission.create(Event.class);
        Call<Boolean> waiter = Call.start("timed-waiter", () -> event.await(Timed.TIMEOUT));
        waiter.awaitParkedOrDone(SETTLE);
        Timed.expectGivesUp(waiter, () -> Spurious.wake(event));
    }

    @Check(id = "timed-await-returns-when-set", points = 1, category = Category.TIMING,
            description = "await(10 s) and await(1000 years) wait on a clear event, and return true promptly once it is set")
    void timedAwaitReturnsWhenSet(Submission submission) {
        Event event = submission.create(Event.class);
        for (Duration timeout : List.of(Duration.ofSeconds(10), HUGE)) {
            String method = timeout == HUGE ? "await(1000 years)" : "await(10 s)";
            Call<Boolean> waiter = waiting(Call.start("timed-waiter", () -> event.await(timeout)), method);
            Call.run("setter", event::set).mustEnd("set()").result();
            expectPrompt(waiter, method);
            event.clear();
        }
    }

    @Check(id = "no-busy-wait", points = 1, category = Category.TIMING,
            description = "threads waiting in await() and await(30 s) sleep instead of burning CPU")
    void noBusyWait(Submission submission) {
        Event event = submission.create(Event.class);
        Call<Void> untimed = waiting(Call.run("waiter", event::await), "await()");
        Call<Boolean> timed = waiting(Call.start("timed-waiter", () -> event.await(Duration.ofSeconds(30))), "await(30 s)");
        long[] cpu = Call.cpuMillisDuring(WAIT_WINDOW, untimed, timed);
        Call.run("setter", event::set).mustEnd("set()").result();
        stop(List.of(untimed, timed));
        for (int i = 0; i < cpu.length; i++) {
            if (cpu[i] > WAIT_CPU_BUDGET.toMillis()) {
                throw Feedback.fail("latch.no-busy-wait.spinning", i == 0 ? "await()" : "await(30 s)", cpu[i], WAIT_WINDOW.toMillis());
            }
        }
    }

    @Check(id = "uses-lock-and-condition", points = 1, category = Category.STRUCTURE,
            description = "a Lock guards the flag and waiters wait on a Condition made by it")
    void usesLockAndCondition(Submission submission) {
        requireWorking(submission);
        // The event's own fields, by reflection (no ArchUnit import): Locks.of also takes a ReadWriteLock's write lock.
        Event event = submission.create(Event.class);
        if (Locks.of(event).isEmpty()) {
            throw Feedback.fail("latch.uses-lock-and-condition.missing", submission.className(), Lock.class.getName());
        }
        if (Fields.of(event.getClass()).stream().noneMatch(f -> Fields.read(f, event) instanceof Condition)) {
            throw Feedback.fail("latch.uses-lock-and-condition.missing", submission.className(), Condition.class.getName());
        }
    }

    @Check(id = "no-synchronized-or-latches", points = 1, category = Category.STRUCTURE,
            description = "no synchronized (nor wait/notify), and no ready-made latch, barrier, semaphore or future doing the work")
    void noSynchronizedOrLatches(Submission submission) {
        requireWorking(submission);
        List<String> monitors = Structure.synchronizedUses(submission.classes());
        if (!monitors.isEmpty()) {
            throw Feedback.failure("latch.no-synchronized-or-latches.synchronized").withDetails(String.join("\n", monitors));
        }
        Structure.require(noClasses().should().dependOnClassesThat().belongToAnyOf(CountDownLatch.class, CyclicBarrier.class,
                Phaser.class, Semaphore.class, CompletableFuture.class, FutureTask.class, Exchanger.class),
                submission.classes(), "latch.no-synchronized-or-latches.ready-made");
    }

    /** Structure points need a class that works at all: the skeleton's TODOs throw here, so it scores 0. */
    private static void requireWorking(Submission submission) {
        Event event = submission.create(Event.class);
        event.set();
        event.isSet();
        event.clear();
    }

    private static void expectFlag(Event event, boolean expected, String after) {
        boolean actual = event.isSet();
        if (actual != expected) {
            throw Feedback.fail("latch.sequential.flag", after, expected, actual);
        }
    }
}
