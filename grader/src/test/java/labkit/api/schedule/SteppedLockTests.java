package labkit.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        SteppedLock stepped = LockSwap.into(buffer).orElseThrow();

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

        assertThat(LockSwap.into(two)).isEmpty();
        assertThat(LockSwap.into(new ReadWrite())).isEmpty();
        assertThat(LockSwap.into(foreign)).isEmpty();
        assertThat(LockSwap.into(new Object())).isEmpty();
        assertThat(two.takeLock).isSameAs(takeLock);
        assertThat(foreign.lock).isSameAs(own);
    }

    @Test
    @DisplayName("stops the stepped call after its outermost unlock() and before it takes the lock again, never inside")
    void stopsAtOutermostReleaseAndAcquire() throws InterruptedException {
        OneLock buffer = new OneLock();
        SteppedLock stepped = LockSwap.into(buffer).orElseThrow();
        List<SteppedLock.Stop> stops = new ArrayList<>();
        List<Boolean> lockedAtStops = new ArrayList<>();

        Call<Void> call = stepped.step(() -> {
            stepped.lock();
            stepped.lock();
            stepped.unlock();
            stepped.unlock();
            if (stepped.tryLock()) {
                stepped.unlock();
            }
            return null;
        }, stop -> {
            stops.add(stop);
            lockedAtStops.add(stepped.isLocked());
        });

        assertThat(call.awaitDone(Duration.ofSeconds(10))).isTrue();
        assertThat(stops).containsExactly(SteppedLock.Stop.ACQUIRING, SteppedLock.Stop.RELEASED,
                SteppedLock.Stop.ACQUIRING, SteppedLock.Stop.RELEASED);
        assertThat(lockedAtStops).as("the lock is free at every stop").containsOnly(false);
    }

    @Test
    @DisplayName("never stops a thread other than the stepped call")
    void othersRunThrough() throws InterruptedException {
        OneLock buffer = new OneLock();
        SteppedLock stepped = LockSwap.into(buffer).orElseThrow();
        List<Boolean> othersDone = new ArrayList<>();

        stepped.step(() -> {
            stepped.lock();
            stepped.unlock();
            return null;
        }, stop -> {
            Call<Void> other = Call.run("other", () -> {
                stepped.lock();
                stepped.unlock();
            });
            othersDone.add(other.awaitDone(Duration.ofSeconds(5)));
        });

        assertThat(othersDone).containsExactly(true, true);
    }

    @Test
    @DisplayName("times a sleep with the lock held, but not one without it, nor an await that lets go of it")
    void timesWaitsWithTheLockHeld() throws InterruptedException {
        OneLock buffer = new OneLock();
        SteppedLock stepped = LockSwap.into(buffer).orElseThrow();

        stepped.step(() -> holding(stepped, () -> Thread.sleep(30)), stop -> { }).awaitDone(Duration.ofSeconds(10));
        assertThat(stepped.waitedHoldingMillis()).isGreaterThanOrEqualTo(25);

        stepped.step(() -> {
            Thread.sleep(30);
            return holding(stepped, () -> buffer.notEmpty.await(30, TimeUnit.MILLISECONDS));
        }, stop -> { }).awaitDone(Duration.ofSeconds(10));
        assertThat(stepped.waitedHoldingMillis()).isLessThan(25);
    }

    @Test
    @DisplayName("leaves a buffer alone that keeps a Condition in an array; of objects, looks into the student's own classes only")
    void leavesHiddenConditionsAlone() {
        final class Helper {
            final Condition kept = new ReentrantLock().newCondition();
        }
        final class WithHelper {
            final ReentrantLock lock = new ReentrantLock();
            final Object helper = new Helper();
        }
        final class WithArray {
            final ReentrantLock lock = new ReentrantLock();
            final Condition[] conditions = {lock.newCondition()};
        }

        assertThat(LockSwap.into(new WithArray())).isEmpty();
        // Only the student's own classes are looked into; this test's helper is not one of them.
        assertThat(LockSwap.into(new WithHelper())).isPresent();
    }

    private static Object holding(Lock lock, Call.Action action) throws Exception {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
        return null;
    }
}
