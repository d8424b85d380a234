package labkit.suites.fetcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An endpoint that answers nobody until {@code parties} requests are open at the same time, then
 * answers all of them 200 (T6 of the mistake catalog): only a fetcher that really sends them
 * concurrently gets through. So that nothing hangs, a request that waited {@code bound} in vain
 * gets 503, and so does every later one at once.
 */
final class Barrier implements Endpoint {

    static final String BODY = "all together";

    private final int parties;
    private final Duration bound;
    private final CountDownLatch full = new CountDownLatch(1);
    private int present;
    private int mostPresent;
    private boolean broken;

    Barrier(int parties, Duration bound) {
        this.parties = parties;
        this.bound = bound;
    }

    @Override
    public void serve(Exchange exchange) throws IOException {
        if (!arrive()) {
            exchange.respond(503, "text/plain", new byte[0]);
            return;
        }
        boolean together = awaitFull();
        leave(together);
        if (together) {
            exchange.respond(200, "text/plain", BODY.getBytes(StandardCharsets.UTF_8));
        } else {
            exchange.respond(503, "text/plain", new byte[0]);
        }
    }

    /** The most requests that were waiting here at the same time. */
    synchronized int mostAtOnce() {
        return mostPresent;
    }

    private synchronized boolean arrive() {
        if (broken) {
            return false;
        }
        present++;
        mostPresent = Math.max(mostPresent, present);
        if (present >= parties) {
            full.countDown();
        }
        return true;
    }

    private boolean awaitFull() {
        try {
            return full.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void leave(boolean together) {
        present--;
        broken |= !together;
    }
}
