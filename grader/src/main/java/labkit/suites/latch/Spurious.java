package labkit.suites.latch;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import labkit.api.Fields;
import labkit.api.Locks;
import labkit.api.Tolerances;

/**
 * A spurious wake-up, made on purpose: the grader takes the student's lock and signals every
 * Condition the event holds, as {@link Condition#await()} allows to happen at any time. A waiter
 * that does not look at the flag again after waking returns although nobody called set().
 */
final class Spurious {

    private Spurious() {}

    /** Signals every Condition in {@code event}'s fields under its lock; whether there was one to signal. */
    static boolean wake(Object event) {
        boolean signalled = false;
        for (Lock lock : Locks.of(event)) {
            if (!tryLock(lock)) {
                continue;
            }
            try {
                for (Field field : Fields.of(event.getClass())) {
                    signalled |= Fields.read(field, event) instanceof Condition condition && signal(condition);
                }
            } finally {
                lock.unlock();
            }
        }
        return signalled;
    }

    private static boolean tryLock(Lock lock) {
        try {
            return lock.tryLock(Tolerances.STUCK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A Condition of another of the student's locks refuses the signal: that one is left to its own lock. */
    private static boolean signal(Condition condition) {
        try {
            condition.signalAll();
            return true;
        } catch (IllegalMonitorStateException otherLock) {
            return false;
        }
    }
}
