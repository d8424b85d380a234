package labkit.suites.pool;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import labkit.api.Tolerances;
import labkit.api.Stress;
import lab.pool.Pool;

/** The stress runs of the pool suite: callers that must all be inside at once, and callers that arrive in bursts. */
final class PoolStress {

    private PoolStress() {}

    /**
     * {@code rounds} times, {@code n} callers each run a task that waits at a barrier of {@code n}
     * parties: it trips only when all n are inside at once, so a pool that admits fewer stalls.
     */
    static Stress.Result together(Pool pool, int n, int rounds) {
        CyclicBarrier barrier = new CyclicBarrier(n);
        return Stress.of("together", n, endsOnStall((i, progress) -> {
            for (int r = 0; r < rounds; r++) {
                pool.run(() -> barrier.await());
                progress.tick();
            }
        })).bound(Tolerances.BOUND).run();
    }

    /**
     * A stress worker that ends quietly when a stalled run interrupts it (or breaks its barrier):
     * the run's result reports the stall, and a rethrown InterruptedException would race with that report.
     */
    static Stress.Worker endsOnStall(Stress.Worker worker) {
        return (i, progress) -> {
            try {
                worker.run(i, progress);
            } catch (InterruptedException | BrokenBarrierException endOfStalledRun) {
                // reported by the run's result
            }
        };
    }

    /**
     * Rounds in which all callers arrive at the pool at once: {@link #BURSTS} of them, or as many as
     * fit in {@link #BURST_TIME}, so that a slow but correct pool (one that sleeps between tries) is
     * not mistaken for a stalled one. The barrier's action decides, so every caller agrees when to stop.
     */
    static final class Bursts {
        static final int BURSTS = 1_000;
        static final Duration BURST_TIME = Duration.ofSeconds(2);

        private final long until = System.nanoTime() + BURST_TIME.toNanos();
        private final CyclicBarrier barrier;
        private int started;
        private volatile boolean over;

        Bursts(int callers) {
            barrier = new CyclicBarrier(callers, () -> over = ++started > BURSTS || System.nanoTime() > until);
        }

        /** Waits for every caller, then says whether they go on to another round. */
        boolean next() throws InterruptedException, BrokenBarrierException {
            barrier.await();
            return !over;
        }
    }
}
