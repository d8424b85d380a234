package lab.latch;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Known bug: steps() takes the lock and never gives it back. Fails latch.lock-released. */
public class LockEvent implements Event {

    private final Lock lock = new ReentrantLock();
    private long steps;

    @Override
    public void step() {
        lock.lock();
        try {
            steps++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long steps() {
        lock.lock();
        return steps;
    }
}
