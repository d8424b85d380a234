package lab.counter;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/**
 * Correct but unusual (catalog "do not fail" 2 and 5): lock() as the first statement inside try,
 * increment() as a tryLock(timeout) back-off loop, and tryIncrement() delegating to increment()
 * once tryLock() has succeeded (a reentrant lock() inside).
 */
public class LockCounter implements Counter {
    private final Lock lock = new ReentrantLock();
    private long value;

    @Override
    public void increment() {
        boolean interrupted = false;
        while (true) {
            try {
                if (lock.tryLock(20, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            value++;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public long get() {
        try {
            lock.lock();
            return value;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryIncrement() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            increment();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long update(LongUnaryOperator f) {
        try {
            lock.lock();
            value = f.applyAsLong(value);
            return value;
        } finally {
            lock.unlock();
        }
    }
}
