package lab.latch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Known bug (of structure): a ready-made CountDownLatch does the waiting; clear() replaces it. */
public class LockEvent implements Event {

    private static final Duration YEAR = Duration.ofDays(365);

    private volatile CountDownLatch latch = new CountDownLatch(1);

    @Override
    public void set() {
        latch.countDown();
    }

    @Override
    public void clear() {
        if (latch.getCount() == 0) {
            latch = new CountDownLatch(1);
        }
    }

    @Override
    public boolean isSet() {
        return latch.getCount() == 0;
    }

    @Override
    public void await() throws InterruptedException {
        latch.await();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        Duration wait = timeout.compareTo(YEAR) > 0 ? YEAR : timeout;
        return latch.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }
}
