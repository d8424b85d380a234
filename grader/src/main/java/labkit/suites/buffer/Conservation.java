package labkit.suites.buffer;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import lab.buffer.BoundedBuffer;
import labkit.api.Category;
import labkit.api.CheckFailure;
import labkit.api.Feedback;
import labkit.api.Fields;
import labkit.api.Stress;

/**
 * Producers and consumers hammering one buffer, and what must hold afterwards: every item taken
 * exactly once, each producer's items seen in order by every consumer (FIFO), and {@code size()}
 * never outside {@code 0..capacity}. Producers and consumers mix the blocking and the timed
 * methods, so that timeouts racing with hand-overs are exercised too.
 */
final class Conservation {

    /** A stress run stopped without progress this long, while all workers are parked, is stuck. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** A run that has not finished after this long (a spin, a livelock, sleeps) is stopped. */
    private static final Duration RUN_BOUND = Duration.ofSeconds(20);

    private final BoundedBuffer<Item> buffer;
    private final int capacity;
    private final int producers;
    private final int perProducer;
    private final List<List<Item>> taken = new ArrayList<>();
    private final AtomicInteger maxSize = new AtomicInteger();
    private final AtomicInteger minSize = new AtomicInteger();

    private Conservation(BoundedBuffer<Item> buffer, int capacity, int producers, int consumers, int perProducer) {
        this.buffer = buffer;
        this.capacity = capacity;
        this.producers = producers;
        this.perProducer = perProducer;
        for (int i = 0; i < consumers; i++) {
            taken.add(new ArrayList<>());
        }
    }

    /**
     * Runs {@code producers} producers and as many consumers against {@code buffer}, each producer
     * making {@code perProducer} items; throws the failure that describes the first broken rule.
     */
    static void verify(BoundedBuffer<Item> buffer, int capacity, int producers, int perProducer, Random random) {
        Conservation run = new Conservation(buffer, capacity, producers, producers, perProducer);
        run.check(run.stress(random.longs(2L * producers).toArray()));
    }

    private Stress.Result stress(long[] seeds) {
        return Stress.of("producer", producers, stoppable((i, progress) -> {
            Random choices = new Random(seeds[i]);
            for (int seq = 0; seq < perProducer; seq++) {
                produce(new Item(i, seq), choices, progress);
                watchSize();
                progress.tick();
            }
        })).and("consumer", taken.size(), stoppable((i, progress) -> {
            Random choices = new Random(seeds[producers + i]);
            List<Item> mine = taken.get(i);
            int share = perProducer * producers / taken.size();
            for (int n = 0; n < share; n++) {
                Item item = consume(choices, progress);
                synchronized (mine) {
                    mine.add(item);
                }
                watchSize();
                progress.tick();
            }
        })).quietLimit(QUIET).bound(RUN_BOUND).run();
    }

    /**
     * Only the stress runner interrupts a worker, when the run has stalled: the worker then just
     * ends. Its InterruptedException must not replace the stall as the run's outcome (the runner
     * reads worker failures after it interrupts them).
     */
    private static Stress.Worker stoppable(Stress.Worker worker) {
        return (i, progress) -> {
            try {
                worker.run(i, progress);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** One put, or (one time in four) offers with short timeouts until one succeeds. */
    private void produce(Item item, Random choices, Stress.Progress progress) throws InterruptedException {
        if (choices.nextInt(4) > 0) {
            buffer.put(item);
            return;
        }
        while (!buffer.offer(item, Duration.ofMillis(choices.nextInt(3)))) {
            progress.retrying();
            Thread.onSpinWait();
        }
    }

    /** One take, or (one time in four) polls with short timeouts until one returns an item. */
    private Item consume(Random choices, Stress.Progress progress) throws InterruptedException {
        if (choices.nextInt(4) > 0) {
            return buffer.take();
        }
        Item item;
        while ((item = buffer.poll(Duration.ofMillis(choices.nextInt(3)))) == null) {
            progress.retrying();
            Thread.onSpinWait();
        }
        return item;
    }

    /**
     * Why the run stalled, as far as what was seen tells: a count out of range (the grader's own
     * workers then retry poll or offer for ever, which is no busy loop of the student's), every
     * worker parked (a wake-up went to the wrong thread or to none), or a worker still running.
     */
    static String stallHint(String stuckSummary, int size, int capacity) {
        if (size < 0 || size > capacity) {
            return Feedback.text("buffer.conservation.stalled.count", size, capacity);
        }
        // The summary names each live worker's state and first frame in the submission: only a
        // worker running inside the student's code is a loop of theirs, not the grader's retries.
        boolean running = stuckSummary.contains(" runnable in lab.");
        return Feedback.text(running ? "buffer.conservation.stalled.running" : "buffer.conservation.stalled.parked");
    }

    /**
     * Every unfinished worker parked on the buffer's lock or Conditions, with no progress for
     * {@link #QUIET}: they wait for good, a deadlock, whatever the check's own category. The
     * message names each thread and what it waits on, and says whether items were lost (every
     * producer done, fewer items out than in) or a wake-up was (the items are still there).
     */
    private CheckFailure stuck(Stress.Result run, int out, int total, int size) {
        StringBuilder waiting = new StringBuilder();
        boolean producerWaits = false;
        for (Stress.Waiter waiter : run.unfinished()) {
            producerWaits |= waiter.thread().startsWith("grader-producer-");
            // Each thread on a line of its own, indented as the stalled summary is (a message file trims leading blanks).
            waiting.append(waiting.length() == 0 ? "  " : "\n  ").append(Feedback.text("buffer.conservation.stuck.waiter",
                    waiter.thread(), waiter.blocker() == null ? Feedback.text("buffer.conservation.stuck.retrying") : nameOf(waiter.blocker()),
                    waiter.frame() == null ? Feedback.text("buffer.conservation.stuck.grader-loop") : waiter.frame()));
        }
        String hint = !producerWaits && out + size < total
                ? Feedback.text("buffer.conservation.stuck.lost", out, total, size)
                : stallHint(run.stuckSummary(), size, capacity);
        return Feedback.failure("buffer.conservation.stuck", capacity, producers, producers, run.elapsedMillis(),
                run.operations(), QUIET.toSeconds(), waiting.toString(), hint).withDetails(run.threadReport()).inCategory(Category.DEADLOCK);
    }

    /** A Condition by the buffer's field that holds it; a lock's queue as the buffer's lock; anything else by its class. */
    private String nameOf(Object blocker) {
        for (Field field : Fields.of(buffer.getClass())) {
            if (blocker instanceof Condition && Fields.read(field, buffer) == blocker) {
                return Feedback.text("buffer.conservation.stuck.condition", field.getName());
            }
        }
        if (blocker instanceof AbstractQueuedSynchronizer || blocker instanceof AbstractQueuedLongSynchronizer) {
            return Feedback.text("buffer.conservation.stuck.lock");
        }
        return blocker.getClass().getSimpleName();
    }

    private void watchSize() {
        int size = buffer.size();
        maxSize.accumulateAndGet(size, Math::max);
        minSize.accumulateAndGet(size, Math::min);
    }

    private void check(Stress.Result run) {
        int total = producers * perProducer;
        if (run.stalled()) {
            int out = taken.stream().mapToInt(this::sizeOf).sum();
            int size = buffer.size();
            if (run.allWaiting()) {
                throw stuck(run, out, total, size);
            }
            throw Feedback.failure("buffer.conservation.stalled", capacity, producers, producers, run.operations(),
                    run.elapsedMillis(), out, total, size, run.stuckSummary(), stallHint(run.stuckSummary(), size, capacity)).withDetails(run.threadReport());
        }
        if (maxSize.get() > capacity || minSize.get() < 0) {
            throw Feedback.fail("buffer.conservation.size", capacity, maxSize.get(), minSize.get());
        }
        int[][] seen = new int[producers][perProducer];
        for (int c = 0; c < taken.size(); c++) {
            int[] last = new int[producers];
            java.util.Arrays.fill(last, -1);
            for (Item item : taken.get(c)) {
                if (item == null || item.producer() < 0 || item.producer() >= producers) {
                    throw Feedback.fail("buffer.conservation.null", capacity, item);
                }
                if (++seen[item.producer()][item.seq()] > 1) {
                    throw Feedback.fail("buffer.conservation.duplicate", capacity, item);
                }
                if (item.seq() < last[item.producer()]) {
                    throw Feedback.fail("buffer.conservation.order", capacity, c, item,
                            new Item(item.producer(), last[item.producer()]));
                }
                last[item.producer()] = item.seq();
            }
        }
        for (int p = 0; p < producers; p++) {
            for (int s = 0; s < perProducer; s++) {
                if (seen[p][s] == 0) {
                    throw Feedback.fail("buffer.conservation.lost", capacity, new Item(p, s), total);
                }
            }
        }
    }

    private int sizeOf(List<Item> list) {
        synchronized (list) {
            return list.size();
        }
    }
}
