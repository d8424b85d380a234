package labkit.suites.latch;

import static labkit.api.Tolerances.BOUND;
import static labkit.api.Tolerances.SETTLE;
import static labkit.api.Tolerances.STUCK;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.latch.Event;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Threads;

/** Waiting on the grader's calls into the event, with the lab's bounds and messages. */
final class Waits {

    private Waits() {}

    /** A call on a clear event, which must wait: it gets {@link labkit.api.Tolerances#SETTLE} to park; one that ends fails. */
    static <T extends Call<?>> T waiting(T call, String method) {
        call.awaitParkedOrDone(SETTLE);
        if (call.isDone()) {
            call.result();
            throw Feedback.fail("latch.returned-while-clear", method);
        }
        return call;
    }

    /** A call that has nothing to wait for, or was just woken: it must return true within {@link labkit.api.Tolerances#SETTLE}. */
    static void expectPrompt(Call<Boolean> call, String method) {
        if (!call.awaitDone(SETTLE)) {
            stop(List.of(call));
            throw Feedback.fail("latch.waited-while-set", method, SETTLE.toMillis());
        }
        if (!call.result()) {
            throw Feedback.fail("latch.false-while-set", method);
        }
    }

    /**
     * The call must end: one parked for {@link labkit.api.Tolerances#STUCK} without a break, with
     * nobody left to wake it, fails with message {@code key} and every thread's state attached.
     */
    static void expectEnds(Call<?> call, String key, Object... args) {
        if (call.awaitDoneOrStuck(STUCK, BOUND) != Call.Progress.DONE) {
            String report = Threads.report();
            stop(List.of(call));
            throw Feedback.failure(key, args).withDetails(report);
        }
        call.result();
    }


    /**
     * Every method gives the lock back: each is called on a thread of its own, then again on
     * another, and both calls must end. The lock is reentrant, so a method that returns holding it
     * passes on its own thread and shows only when a second thread queues for it. await(0 s) runs
     * while the event is set, so that a timed wait ignoring its timeout is not blamed here.
     */
    static void expectLockGivenBack(Event event) {
        Map<String, Call.Action> methods = new LinkedHashMap<>();
        methods.put("isSet()", event::isSet);
        methods.put("set()", event::set);
        methods.put("await(0 s)", () -> event.await(Duration.ZERO));
        methods.put("clear()", event::clear);
        methods.forEach((method, action) -> {
            Call.run("caller", action).mustEnd(method).result();
            expectEnds(Call.run("second-caller", action), "latch.lock-released-after-interrupt.kept", method, STUCK.toMillis());
        });
    }

    /** Interrupts the calls still running and gives them a moment to leave, so that no check leaves threads behind. */
    static void stop(List<? extends Call<?>> calls) {
        calls.stream().filter(c -> !c.isDone()).forEach(Call::interrupt);
        calls.forEach(c -> c.awaitDone(SETTLE));
    }
}
