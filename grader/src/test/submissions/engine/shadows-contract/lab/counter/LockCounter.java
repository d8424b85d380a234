package lab.counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/** Reference solution of lab 1: one ReentrantLock guards a plain long. */
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
        if (!lock.tryLock()) {
            return false;
        }
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
        try {
            value = f.applyAsLong(value);
            return value;
        } finally {
            lock.unlock();
        }
    }
}
