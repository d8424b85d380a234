package labkit.suites.fetcher;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The common pool's thread factory in the fetcher lab's JVM: it never lets the pool grow past its
 * parallelism (3 on the 4 pinned processors). Without it, a thread blocked in
 * {@code CompletableFuture.get} inside the pool (as in {@code HttpClient.send}) makes the pool
 * add a spare thread, so on JDK 17 {@code supplyAsync(() -> client.send(..))} without an executor,
 * or a parallel stream of {@code send}, would look concurrent here while being capped by the
 * processor count on a machine with fewer spares (T7 of the mistake catalog). Refusing the spare
 * makes the blocked thread simply wait; the pool never throws for it.
 *
 * <p>Public with a public no-argument constructor because the JDK instantiates it by name, from
 * {@code -Djava.util.concurrent.ForkJoinPool.common.threadFactory} (see {@link FetcherSuite}).
 */
public final class CommonPoolCap implements ForkJoinPool.ForkJoinWorkerThreadFactory {

    private final AtomicInteger live = new AtomicInteger();

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        int now;
        do {
            now = live.get();
            if (now >= pool.getParallelism()) {
                return null;
            }
        } while (!live.compareAndSet(now, now + 1));
        return new Worker(pool, live);
    }

    /** A common-pool thread that gives its place back when it ends (idle threads end after a while). */
    private static final class Worker extends ForkJoinWorkerThread {
        private final AtomicInteger live;

        Worker(ForkJoinPool pool, AtomicInteger live) {
            super(pool);
            this.live = live;
        }

        @Override
        protected void onTermination(Throwable exception) {
            live.decrementAndGet();
            super.onTermination(exception);
        }
    }
}
