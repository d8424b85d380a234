package labkit.suites.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import labkit.api.Call;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lock that state-under-lock swaps into a buffer to stop a call at each unlock() and lock(). */
@DisplayName("stepped lock")
class SteppedLockTests {

    /** A buffer's locking fields, as students declare them. */
    static final class OneLock {
        final Lock lock = new ReentrantLock(true);
        final Condition notEmpty = lock.newCondition();
        final Condition notFull = lock.newCondition();
        final Condition sameAsNotEmpty = notEmpty;
    }

    static final class TwoLocks {
        final ReentrantLock takeLock = new ReentrantLock();
        final ReentrantLock putLock = new ReentrantLock();
    }

    static final class ForeignCondition {
        final ReentrantLock lock = new ReentrantLock();
        final Condition elsewhere = new ReentrantLock().newCondition();
    }

    static final class ReadWrite {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    }

    @Test
    @DisplayName("replaces the one lock and each of its Conditions, keeping fairness and shared Conditions shared")
    void swapsLockAndConditions() throws InterruptedException {
        OneLock buffer = new OneLock();
        SteppedLock stepped = SteppedLock.swapInto(buffer).orElseThrow();

        assertThat(buffer.lock).isSameAs(stepped);
        assertThat(stepped.isFair()).isTrue();
        assertThat(buffer.sameAsNotEmpty).isSameAs(buffer.notEmpty).isNotSameAs(buffer.notFull);
        stepped.lock();
        try {
            // Conditions of the new lock: await with it held, not an IllegalMonitorStateException.
            assertThat(buffer.notEmpty.await(Duration.ofMillis(1).toNanos(), TimeUnit.NANOSECONDS)).isFalse();
            assertThat(stepped.hasWaiters(buffer.notFull)).isFalse();
        } finally {
            stepped.unlock();
        }
    }

    @Test
    @DisplayName("leaves a buffer of two locks, a read-write lock or a Condition of another lock as it is")
    void leavesOtherDesignsAlone() {
        TwoLocks two = new TwoLocks();
        ReentrantLock takeLock = two.takeLock;
        ForeignCondition foreign = new ForeignCondition();
        ReentrantLock own = foreign.lock;

        assertThat(SteppedLock.swapInto(two)).isEmpty();
        assertThat(SteppedLock.swapInto(new ReadWrite())).isEmpty();
        assertThat(SteppedLock.swapInto(foreign)).isEmpty();
        assertThat(SteppedLock.swapInto(new Object())).isEmpty();
        assertThat(two.takeLock).isSameAs(takeLock);
        assertThat(foreign.lock).isSameAs(own);
    }

    @Test
    @DisplayName("stops the watched thread after its outermost unlock() and before it takes the lock again, never inside")
    void stopsAtOutermostReleaseAndAcquire() throws InterruptedException {
        OneLock buffer = new OneLock();
        SteppedLock stepped = SteppedLock.swapInto(buffer).orElseThrow();
        CountDownLatch watched = new CountDownLatch(1);
        Call<Void> call = Call.run("stepped", () -> {
            watched.await();
            stepped.lock();
            stepped.lock();
            stepped.unlock();
            stepped.unlock();
            if (stepped.tryLock()) {
                stepped.unlock();
            }
        });
        stepped.watch(call.thread());
        watched.countDown();
        List<SteppedLock.Stop> stops = new ArrayList<>();
        try {
            for (Optional<SteppedLock.Stop> stop = stepped.next(call); stop.isPresent(); stop = stepped.next(call)) {
                stops.add(stop.get());
                assertThat(stepped.isLocked()).as("the lock is free at every stop").isFalse();
                stepped.proceed();
            }
        } finally {
            stepped.unwatch();
        }

        assertThat(call.awaitDone(Duration.ofSeconds(10))).isTrue();
        assertThat(stops).containsExactly(SteppedLock.Stop.ACQUIRING, SteppedLock.Stop.RELEASED,
                SteppedLock.Stop.ACQUIRING, SteppedLock.Stop.RELEASED);
    }

    @Test
    @DisplayName("never stops a thread it does not watch")
    void othersRunThrough() {
        OneLock buffer = new OneLock();
        SteppedLock stepped = SteppedLock.swapInto(buffer).orElseThrow();
        Call<Void> watched = Call.run("idle", () -> Thread.sleep(10));
        stepped.watch(watched.thread());
        try {
            Call<Void> other = Call.run("other", () -> {
                stepped.lock();
                stepped.unlock();
            });
            assertThat(other.awaitDone(Duration.ofSeconds(5))).isTrue();
        } finally {
            stepped.unwatch();
        }
    }
}
