package lab.latch;

import java.time.Duration;

/** Known bug (of structure): a correct event, but on synchronized, wait and notifyAll instead of a Lock and a Condition. */
public class LockEvent implements Event {

    private boolean flag;

    @Override
    public synchronized void set() {
        flag = true;
        notifyAll();
    }

    @Override
    public synchronized void clear() {
        flag = false;
    }

    @Override
    public synchronized boolean isSet() {
        return flag;
    }

    @Override
    public synchronized void await() throws InterruptedException {
        while (!flag) {
            wait();
        }
    }

    @Override
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(timeout.toMillis(), 365L * 24 * 3600 * 1000) * 1_000_000;
        long left;
        while (!flag && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return flag;
    }
}
