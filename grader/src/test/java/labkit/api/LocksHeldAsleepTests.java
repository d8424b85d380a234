package labkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A call seen asleep with a lock held says which lock, whatever kind; waiting that gives the lock back is not sleep. */
@Timeout(30)
class LocksHeldAsleepTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Long enough that the watcher sees it even on a loaded machine; these tests judge the rule, not the odds. */
    private static final long NAP_MS = 300;

    private final Object monitor = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition condition = lock.newCondition();

    @Test
    @DisplayName("Thread.sleep inside synchronized names the monitor")
    void sleepInsideSynchronized() {
        Call<Void> call = Call.run("sleeper", () -> {
            synchronized (monitor) {
                Thread.sleep(NAP_MS);
            }
        });
        assertThat(call.locksHeldAsleep(BOUND)).singleElement().asString()
                .startsWith("the monitor of Object@").endsWith("(synchronized)");
    }

    @Test
    @DisplayName("TimeUnit.sleep and parkNanos holding a ReentrantLock name the lock")
    void sleepHoldingALock() {
        Call<Void> sleeper = Call.run("sleeper", () -> {
            lock.lock();
            try {
                TimeUnit.MILLISECONDS.sleep(NAP_MS);
            } finally {
                lock.unlock();
            }
        });
        assertThat(sleeper.locksHeldAsleep(BOUND)).singleElement().asString().startsWith("ReentrantLock$NonfairSync@");
        sleeper.awaitDone(BOUND);
        Call<Void> parker = Call.run("parker", () -> {
            lock.lock();
            try {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(NAP_MS));
            } finally {
                lock.unlock();
            }
        });
        assertThat(parker.locksHeldAsleep(BOUND)).singleElement().asString().startsWith("ReentrantLock$NonfairSync@");
    }

    @Test
    @DisplayName("wait() and await() give the lock back, and a sleep without a lock holds none: nothing is seen")
    void waitingIsNotSleeping() {
        Call<Void> waiter = Call.run("waiter", () -> {
            synchronized (monitor) {
                monitor.wait(NAP_MS);
            }
        });
        assertThat(waiter.locksHeldAsleep(BOUND)).isEmpty();
        Call<Void> awaiter = Call.run("awaiter", () -> {
            lock.lock();
            try {
                condition.await(NAP_MS, TimeUnit.MILLISECONDS);
            } finally {
                lock.unlock();
            }
        });
        assertThat(awaiter.locksHeldAsleep(BOUND)).isEmpty();
        Call<Void> sleeper = Call.run("sleeper", () -> Thread.sleep(NAP_MS));
        assertThat(sleeper.locksHeldAsleep(BOUND)).isEmpty();
        assertThat(sleeper.isDone()).as("watched until the call ended").isTrue();
    }
}
