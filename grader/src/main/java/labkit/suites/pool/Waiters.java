package labkit.suites.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import labkit.api.Tolerances;
import labkit.api.Call;
import lab.pool.Pool;

/**
 * Threads that call {@code run(task)} on a pool the check has filled: each is watched until it
 * waits (parked in the pool) or its call ends; their tasks only count how many got in.
 */
final class Waiters {

    private final List<Call<Object>> calls = new ArrayList<>();
    private final AtomicInteger entered = new AtomicInteger();

    private Waiters() {}

    /** Starts {@code count} calls of {@code run(task)} (threads {@code grader-<role>-<i>}) and lets each settle. */
    static Waiters start(Pool pool, int count, String role) {
        Waiters waiters = new Waiters();
        for (int i = 0; i < count; i++) {
            Call<Object> call = Call.start(role + "-" + i, () -> pool.run(() -> {
                waiters.entered.incrementAndGet();
                return null;
            }));
            call.awaitParkedOrDone(Tolerances.SETTLE);
            waiters.calls.add(call);
        }
        return waiters;
    }

    /** How many of their tasks have run so far. */
    int entered() {
        return entered.get();
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        calls.forEach(c -> names.add(c.thread().getName()));
        return names;
    }

    void interrupt() {
        calls.forEach(Call::interrupt);
    }

    /** Waits until every call has ended, however it ended. */
    void awaitEnd() {
        calls.forEach(c -> PoolSuite.awaitEnd(c, "run(task)"));
    }
}
