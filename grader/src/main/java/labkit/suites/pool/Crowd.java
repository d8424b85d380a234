package labkit.suites.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Gate;
import labkit.api.Threads;
import lab.pool.Pool;

/**
 * Tasks held inside a pool, each called by a thread of its own and held by a {@link Gate}, until
 * the check lets them go: the pool stays exactly as full as the check wants, deterministically,
 * while it looks at what other threads can and cannot do. Always {@link #close()} it in a
 * {@code finally}, so that no task is left holding a permit when a check fails.
 */
final class Crowd implements AutoCloseable {

    /** One task of the crowd: the gate that holds it, and the {@code run(task)} call it is in. */
    private record Member(Gate gate, Call<Object> call) {
        boolean inside() {
            return gate.awaitEntered(Duration.ZERO);
        }
    }

    /** How a member's task gets into the pool: {@code run(task)} or {@code tryRun(task, timeout)}. */
    @FunctionalInterface
    private interface Entry {
        Object enter(Runnable task) throws Exception;
    }

    private final List<Member> members = new ArrayList<>();
    private final String method;
    private volatile long leftNanos;

    private Crowd(String method) {
        this.method = method;
    }

    /** Starts one {@code run(task)} per role (threads {@code grader-<role>}) and waits until every task is inside. */
    static Crowd inside(Pool pool, List<String> roles) {
        return inside(roles, "run(task)", task -> pool.run(Executors.callable(task)));
    }

    /** The same through {@code tryRun(task, BOUND)}, on a pool with room for every task: its tasks are inside too. */
    static Crowd insideTryRun(Pool pool, List<String> roles) {
        return inside(roles, "tryRun(task, timeout)", task -> pool.tryRun(task, Tolerances.BOUND));
    }

    private static Crowd inside(List<String> roles, String method, Entry entry) {
        Crowd crowd = new Crowd(method);
        for (String role : roles) {
            Gate gate = new Gate();
            crowd.members.add(new Member(gate, Call.start(role, () -> entry.enter(() -> {
                gate.hold();
                crowd.leftNanos = System.nanoTime();
            }))));
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

    /**
     * Waits until every task is inside. Gives up when a call ended without its task inside, or when
     * every call still outside has been parked for {@link PoolSuite#STUCK} (nobody will let it in),
     * or after {@link PoolSuite#BOUND}.
     */
    private void awaitAllInside() {
        long start = System.nanoTime();
        long parkedSince = -1;
        while (!members.stream().allMatch(Member::inside)) {
            for (Member member : members) {
                if (member.call().isDone() && !member.inside()) {
                    member.call().result(); // the student's exception, if it threw: graded as an error
                    throw Feedback.fail("pool.crowd.returned-early");
                }
            }
            long now = System.nanoTime();
            boolean allOutsideParked = members.stream().filter(m -> !m.inside()).map(m -> m.call().thread())
                    .allMatch(t -> Threads.isParkedOnSynchronizer(t) || t.getState() == Thread.State.BLOCKED);
            parkedSince = !allOutsideParked ? -1 : parkedSince < 0 ? now : parkedSince;
            boolean stuck = parkedSince >= 0 && now - parkedSince >= Tolerances.STUCK.toNanos();
            if (stuck || now - start >= Tolerances.BOUND.toNanos()) {
                long inside = members.stream().filter(Member::inside).count();
                throw Feedback.failure("pool.crowd.not-inside", inside, members.size(), (now - start) / 1_000_000)
                        .withDetails(Threads.report());
            }
            Threads.pause();
        }
    }

    /** The names of the threads whose tasks are inside. */
    List<String> names() {
        return members.stream().map(m -> m.call().thread().getName()).collect(Collectors.toList());
    }

    /** Lets every task leave and waits until all their {@code run} calls have returned. */
    void release() {
        close();
        for (Member member : members) {
            PoolSuite.awaitEnd(member.call(), method);
            member.call().result();
        }
    }

    /** When the last task to leave left (after {@link #release()}), in {@link System#nanoTime()}. */
    long leftNanos() {
        return leftNanos;
    }

    /** Lets the tasks go without waiting for them: for {@code finally}. */
    @Override
    public void close() {
        members.forEach(m -> m.gate().release());
    }
}
