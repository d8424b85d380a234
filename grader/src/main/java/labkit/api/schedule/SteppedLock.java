package labkit.api.schedule;

import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import labkit.api.Call;
import labkit.api.Threads;
import labkit.api.Tolerances;

/**
 * A ReentrantLock put in place of the student's own one by {@link LockSwap}, with Conditions of
 * its own in place of theirs, that stops one watched thread each time it lets go of the lock entirely and each time
 * it is about to take it again. Between those two stops the thread holds nothing, so it
 * must not change the guarded state; with the thread standing still at both ends, the check compares
 * {@link Snapshot}s without racing it (student-bugs #26: a slot written after {@code unlock()}).
 *
 * <pre>{@code
 * Call<Void> call = stepped.step(() -> { buffer.put(item); return null; },
 *         stop -> { if (stop == SteppedLock.Stop.RELEASED) { ... look at the object ... } });
 * }</pre>
 *
 * <p>{@code Condition.await} lets go of the lock inside AQS, not through {@link #unlock()}, so a
 * thread waiting on a Condition is never stopped: waiting there is how the lock is meant to be left.
 *
 * <p>It also times, from inside the watched thread, how long that thread waits while it holds the
 * lock, leaving out its Condition awaits: anything more is sleeping with the lock held (student-bugs
 * #31), measured rather than caught in the act by sampling.
 */
public final class SteppedLock extends ReentrantLock {

    private static final long serialVersionUID = 1L;

    /** Where the watched thread stands. */
    public enum Stop {
        /** It has just let go of the lock and holds it no more. */
        RELEASED,
        /** It is about to take the lock, holding it not yet. */
        ACQUIRING
    }

    /** How often the check looks whether the stepped call has ended without stopping again. */
    private static final long POLL_MILLIS = 5;

    private final transient BlockingQueue<Stop> stops = new LinkedBlockingQueue<>();
    /** A new one for each {@link #step}, so that no permit is left over from the last call. */
    private volatile transient Semaphore go = new Semaphore(0);
    private volatile transient Thread watched;
    /** Only the watched thread writes these; the check reads them after its call has ended. */
    private volatile long waitedHolding;
    private long waitedAtAcquire;
    private long awaitedAtAcquire;
    private volatile long awaited;

    /** Made by {@link LockSwap}, which puts it in place of the student's lock. */
    SteppedLock(boolean fair) {
        super(fair);
    }

    /**
     * Runs {@code op} in a thread of its own, watched from its first step: it stands at each
     * {@link Stop} while {@code atStop} runs in the calling (check) thread, then goes on. Returns
     * the call once it has ended, or once it has gone {@link Tolerances#BOUND} without a stop.
     */
    public <T> Call<T> step(Callable<T> op, Consumer<Stop> atStop) throws InterruptedException {
        // Turned on before the call, so that its waits are timed from the start.
        Threads.waitedMillis();
        CountDownLatch watching = new CountDownLatch(1);
        Call<T> call = Call.start("caller", () -> {
            watching.await();
            return op.call();
        });
        stops.clear();
        go = new Semaphore(0);
        waitedHolding = 0;
        watched = call.thread();
        watching.countDown();
        try {
            for (Optional<Stop> stop = next(call); stop.isPresent(); stop = next(call)) {
                atStop.accept(stop.get());
                go.release();
            }
        } finally {
            watched = null;
            go.release();
        }
        return call;
    }

    /**
     * How long the last stepped call waited while it held the lock, in milliseconds, not counting
     * Condition.await (which lets go of it): time asleep with the lock held. -1 when the JVM
     * cannot tell.
     */
    public long waitedHoldingMillis() {
        return waitedHolding;
    }

    private Optional<Stop> next(Call<?> call) throws InterruptedException {
        long deadline = System.nanoTime() + Tolerances.BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Stop stop = stops.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (stop != null) {
                return Optional.of(stop);
            }
            if (call.isDone()) {
                return Optional.ofNullable(stops.poll());
            }
        }
        return Optional.empty();
    }

    @Override
    public void lock() {
        beforeAcquiring();
        super.lock();
        acquired();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        beforeAcquiring();
        super.lockInterruptibly();
        acquired();
    }

    @Override
    public boolean tryLock() {
        beforeAcquiring();
        boolean got = super.tryLock();
        if (got) {
            acquired();
        }
        return got;
    }

    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        beforeAcquiring();
        boolean got = super.tryLock(timeout, unit);
        if (got) {
            acquired();
        }
        return got;
    }

    @Override
    public void unlock() {
        boolean outermost = getHoldCount() == 1;
        if (outermost && watched == Thread.currentThread()) {
            long waited = Threads.waitedMillis();
            waitedHolding = waited < 0 || waitedHolding < 0 ? -1
                    : waitedHolding + waited - waitedAtAcquire - (awaited - awaitedAtAcquire);
        }
        super.unlock();
        if (outermost) {
            stop(Stop.RELEASED);
        }
    }

    @Override
    public Condition newCondition() {
        return new TimedCondition(super.newCondition());
    }

    @Override
    public boolean hasWaiters(Condition condition) {
        return super.hasWaiters(unwrap(condition));
    }

    @Override
    public int getWaitQueueLength(Condition condition) {
        return super.getWaitQueueLength(unwrap(condition));
    }

    @Override
    protected Collection<Thread> getWaitingThreads(Condition condition) {
        return super.getWaitingThreads(unwrap(condition));
    }

    private static Condition unwrap(Condition condition) {
        return condition instanceof TimedCondition timed ? timed.inner : condition;
    }

    private void beforeAcquiring() {
        if (!isHeldByCurrentThread()) {
            stop(Stop.ACQUIRING);
        }
    }

    /** The watched thread has just taken the lock (outermost): its waits from here on are held waits. */
    private void acquired() {
        if (getHoldCount() == 1 && watched == Thread.currentThread()) {
            waitedAtAcquire = Threads.waitedMillis();
            awaitedAtAcquire = awaited;
        }
    }

    private void stop(Stop where) {
        if (watched != Thread.currentThread()) {
            return;
        }
        Semaphore standing = go;
        stops.add(where);
        try {
            // Bounded, so that a check that has given up never leaves the thread standing.
            standing.tryAcquire(Tolerances.BOUND.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A Condition of this lock that times the watched thread's awaits, so that they are not
     * taken for sleeping with the lock held: await() lets go of the lock while it waits.
     */
    private final class TimedCondition implements Condition {

        private final Condition inner;

        TimedCondition(Condition inner) {
            this.inner = inner;
        }

        @Override
        public void await() throws InterruptedException {
            timed(() -> {
                inner.await();
                return null;
            });
        }

        @Override
        public void awaitUninterruptibly() {
            long before = Threads.waitedMillis();
            try {
                inner.awaitUninterruptibly();
            } finally {
                count(before);
            }
        }

        @Override
        public long awaitNanos(long nanosTimeout) throws InterruptedException {
            return timed(() -> inner.awaitNanos(nanosTimeout));
        }

        @Override
        public boolean await(long time, TimeUnit unit) throws InterruptedException {
            return timed(() -> inner.await(time, unit));
        }

        @Override
        public boolean awaitUntil(Date deadline) throws InterruptedException {
            return timed(() -> inner.awaitUntil(deadline));
        }

        @Override
        public void signal() {
            inner.signal();
        }

        @Override
        public void signalAll() {
            inner.signalAll();
        }

        private <T> T timed(Awaiting<T> await) throws InterruptedException {
            long before = Threads.waitedMillis();
            try {
                return await.run();
            } finally {
                count(before);
            }
        }

        private void count(long before) {
            if (watched == Thread.currentThread()) {
                awaited += Threads.waitedMillis() - before;
            }
        }
    }

    /** One of Condition's awaits. */
    @FunctionalInterface
    private interface Awaiting<T> {
        T run() throws InterruptedException;
    }
}
