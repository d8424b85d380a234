package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/**
 * A plausible first attempt at lab 1, shipped with the kit so that the README's first command
 * shows real feedback. It has two classic bugs: update() unlocks after f instead of in a finally
 * block, and tryIncrement() waits for the lock instead of trying it.
 */
public class LockCounter implements Counter {

    private final Lock lock = new ReentrantLock();
    private long value;

    @Override
    public void increment() {
        lock.lock();
        try {
            value++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long get() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryIncrement() {
        lock.lock();
        try {
            value++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long update(LongUnaryOperator f) {
        lock.lock();
        value = f.applyAsLong(value);
        lock.unlock();
        return value;
    }
}
