package labkit.suites.latch;

import static labkit.api.Tolerances.BOUND;
import static labkit.api.Tolerances.SETTLE;
import static labkit.api.Tolerances.STUCK;
import static labkit.api.Tolerances.WAIT_CPU_BUDGET;
import static labkit.api.Tolerances.WAIT_WINDOW;

import java.util.List;
import java.util.concurrent.locks.Lock;
import lab.latch.Event;
import labkit.api.Call;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.GradedLab;
import labkit.api.Locks;
import labkit.api.Submission;
import labkit.api.Threads;

/**
 * The latch lab. TODO: what the suite forces and why. The scaffold wrote one example check of each
 * category; replace them with the lab's, keeping the points at 25 and the handout's table in step.
 */
@GradedLab(id = "latch", contract = Event.class, studentClass = "lab.latch.LockEvent", points = 25)
class LatchSuite {

    @Check(id = "sequential", points = 10, category = Category.CORRECTNESS,
            description = "starts at 0; each step() adds one")
    void sequential(Submission submission) {
        Event object = submission.create(Event.class);
        expectSteps(object, 0, "latch.sequential.start");
        object.step();
        object.step();
        expectSteps(object, 2, "latch.sequential.step");
    }

    @Check(id = "lock-released", points = 5, category = Category.DEADLOCK,
            description = "every method gives the lock back: afterwards another thread's step() goes through")
    void lockReleased(Submission submission) {
        Event object = submission.create(Event.class);
        object.step();
        object.steps();
        Call<Void> next = Call.run("next-stepper", object::step);
        if (next.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            throw Feedback.fail("latch.lock-released.held", STUCK.toMillis()).withDetails(Threads.report());
        }
        next.result();
    }

    @Check(id = "waits-without-spinning", points = 5, category = Category.TIMING,
            description = "a step() waiting for the lock blocks instead of burning CPU")
    void waitsWithoutSpinning(Submission submission) {
        requireWorking(submission);
        Event object = submission.create(Event.class);
        List<Lock> locks = Locks.of(object);
        if (locks.isEmpty()) {
            throw Feedback.fail("latch.uses-lock.none", submission.className());
        }
        // A forced schedule: the grader holds the student's own lock, so the stepper must wait.
        Lock lock = locks.get(0);
        lock.lock();
        Call<Void> waiter;
        long cpuUsed;
        try {
            waiter = Call.run("waiter", object::step);
            waiter.awaitParkedOrDone(SETTLE);
            if (waiter.isDone()) {
                waiter.result();
                throw Feedback.fail("latch.waits-without-spinning.returned");
            }
            cpuUsed = Call.cpuMillisDuring(WAIT_WINDOW, waiter)[0];
        } finally {
            lock.unlock();
        }
        awaitEnd(waiter, "step()");
        if (cpuUsed > WAIT_CPU_BUDGET.toMillis()) {
            throw Feedback.fail("latch.waits-without-spinning.spinning", cpuUsed, WAIT_WINDOW.toMillis());
        }
    }

    @Check(id = "uses-lock", points = 5, category = Category.STRUCTURE,
            description = "a java.util.concurrent.locks.Lock guards the state")
    void usesLock(Submission submission) {
        requireWorking(submission);
        boolean hasLock = submission.classes().stream().flatMap(c -> c.getFields().stream())
                .anyMatch(f -> f.getRawType().isAssignableTo(Lock.class));
        if (!hasLock) {
            throw Feedback.fail("latch.uses-lock.none", submission.className());
        }
    }

    /** Structure points need a class that works at all: the skeleton's TODOs throw here, so it scores 0. */
    private static void requireWorking(Submission submission) {
        Event object = submission.create(Event.class);
        object.step();
        object.steps();
    }

    private static void awaitEnd(Call<?> call, String method) {
        if (!call.awaitDone(BOUND)) {
            throw Feedback.fail("latch.call-never-returned", method, BOUND.toSeconds()).withDetails(Threads.report());
        }
        call.result();
    }

    private static void expectSteps(Event object, long expected, String key) {
        long actual = object.steps();
        if (actual != expected) {
            throw Feedback.fail(key, expected, actual);
        }
    }
}
