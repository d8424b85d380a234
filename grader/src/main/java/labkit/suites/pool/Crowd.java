package labkit.suites.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Threads;
import lab.pool.Pool;

/**
 * Tasks held inside a pool, each called by a thread of its own, until the check lets them go: the
 * pool stays exactly as full as the check wants, deterministically, while it looks at what other
 * threads can and cannot do. Always {@link #close()} it in a {@code finally}, so that no task is
 * left holding a permit when a check fails.
 */
final class Crowd implements AutoCloseable {

    /** The longest a task is held if the check never lets it go. */
    private static final Duration MAX_HOLD = Duration.ofSeconds(30);

    private final CountDownLatch leave = new CountDownLatch(1);
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    private final List<Call<Object>> calls = new ArrayList<>();
    private volatile long leftNanos;

    private Crowd() {}

    /** Starts one {@code run(task)} per role (threads {@code grader-<role>}) and waits until every task is inside. */
    static Crowd inside(Pool pool, List<String> roles) {
        Crowd crowd = new Crowd();
        for (String role : roles) {
            crowd.calls.add(Call.start(role, () -> pool.run(crowd::stayInside)));
        }
        try {
            crowd.awaitAllInside();
        } catch (RuntimeException | Error e) {
            crowd.close();
            throw e;
        }
        return crowd;
    }

    /** {@code count} tasks inside, called by threads {@code grader-<role>-<i>}. */
    static Crowd inside(Pool pool, int count, String role) {
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            roles.add(role + "-" + i);
        }
        return inside(pool, roles);
    }

    private Object stayInside() throws InterruptedException {
        inside.add(Thread.currentThread());
        leave.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        leftNanos = System.nanoTime();
        return null;
    }

    /**
     * Waits until every task is inside. Gives up when a call ended without its task inside, or when
     * every call still outside has been parked for {@link PoolSuite#STUCK} (nobody will let it in),
     * or after {@link PoolSuite#BOUND}.
     */
    private void awaitAllInside() {
        long start = System.nanoTime();
        long parkedSince = -1;
        while (inside.size() < calls.size()) {
            for (Call<Object> call : calls) {
                if (call.isDone() && !inside.contains(call.thread())) {
                    call.result(); // the student's exception, if it threw: graded as an error
                    throw Feedback.fail("pool.crowd.returned-early");
                }
            }
            long now = System.nanoTime();
            boolean allOutsideParked = calls.stream().filter(c -> !inside.contains(c.thread()))
                    .allMatch(c -> Threads.isParkedOnSynchronizer(c.thread()) || c.thread().getState() == Thread.State.BLOCKED);
            parkedSince = !allOutsideParked ? -1 : parkedSince < 0 ? now : parkedSince;
            boolean stuck = parkedSince >= 0 && now - parkedSince >= PoolSuite.STUCK.toNanos();
            if (stuck || now - start >= PoolSuite.BOUND.toNanos()) {
                throw Feedback.fail("pool.crowd.not-inside", inside.size(), calls.size(), (now - start) / 1_000_000)
                        .withDetails(Threads.report());
            }
            Threads.pause();
        }
    }

    /** The names of the threads whose tasks are inside. */
    List<String> names() {
        return calls.stream().map(c -> c.thread().getName()).collect(Collectors.toList());
    }

    /** Lets every task leave and waits until all their {@code run} calls have returned. */
    void release() {
        leave.countDown();
        for (Call<Object> call : calls) {
            PoolSuite.awaitEnd(call, "run(task)");
            call.result();
        }
    }

    /** When the last task to leave left its task (after {@link #release()}), in {@link System#nanoTime()}. */
    long leftNanos() {
        return leftNanos;
    }

    /** Lets the tasks go without waiting for them: for {@code finally}. */
    @Override
    public void close() {
        leave.countDown();
    }
}
