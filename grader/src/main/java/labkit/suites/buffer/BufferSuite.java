package labkit.suites.buffer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import lab.buffer.BoundedBuffer;
import labkit.api.Tolerances;
import labkit.api.Call;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.Fields;
import labkit.api.GradedLab;
import labkit.api.Structure;
import labkit.api.Submission;
import labkit.api.Threads;
import labkit.api.schedule.SteppedLock;
import labkit.api.schedule.StudentLock;

/**
 * Lab 3, a bounded buffer on a Lock with Conditions. The classic Condition bugs are found with
 * forced schedules (the check holds the student's own lock and lines threads up behind it, see
 * {@link ConditionSchedules}); stress runs check conservation and FIFO on top. A design whose
 * schedule cannot be forced (no single ReentrantLock) is judged by stress alone, never failed
 * for the grader's limits.
 */
@GradedLab(id = "buffer", contract = BoundedBuffer.class, studentClass = "lab.buffer.ConditionBuffer", points = 25)
class BufferSuite {

    /** The timeout of the timed checks: far enough from the ~100 ms robbing period and from 0. */
    static final Duration TIMEOUT = Duration.ofMillis(400);
    /** How late past its timeout a timed call may return on a loaded machine. */
    static final long LATE_SLACK_MS = 1_000;
    /** Timing is read in whole milliseconds from before the call's thread started: at most this early. */
    static final long EARLY_SLACK_MS = 10;
    /** Years: a timeout whose nanoseconds overflow a long. */
    static final Duration HUGE = Duration.ofDays(365L * 1_000);

    // ---- correctness ----

    @Check(id = "fifo", points = 1, category = Category.CORRECTNESS,
            description = "one thread's puts and takes come out first in, first out, with size() right, also after wrapping around")
    void fifo(Submission submission, Random random) {
        BoundedBuffer<Item> buffer = create(submission, 8);
        ArrayDeque<Item> model = new ArrayDeque<>();
        AtomicReference<String> step = new AtomicReference<>("");
        Call<AssertionError> run = Call.start("fifo", () -> {
            for (int n = 0; n < 60; n++) {
                // Stays below capacity - 1, so that an off-by-one capacity is capacity's verdict, not this one's.
                if (model.isEmpty() || model.size() < 5 && random.nextBoolean()) {
                    Item item = new Item(0, n);
                    step.set("put(" + item + ")");
                    buffer.put(item);
                    model.addLast(item);
                } else {
                    step.set("take()");
                    Item expected = model.removeFirst();
                    Item actual = buffer.take();
                    if (actual != expected) {
                        return Feedback.failure("buffer.fifo.order", n, expected, actual);
                    }
                }
                if (buffer.size() != model.size()) {
                    return Feedback.failure("buffer.fifo.size", step.get(), model.size(), buffer.size());
                }
            }
            return null;
        });
        rethrow(Calls.awaitUnblocked(run, "buffer.fifo.blocked", step));
    }

    @Check(id = "capacity", points = 2, category = Category.CORRECTNESS,
            description = "capacity() is the constructor's capacity; exactly that many items fit, the next put() waits")
    void capacity(Submission submission, Random random) throws InterruptedException {
        int capacity = 3 + random.nextInt(4);
        BoundedBuffer<Item> buffer = create(submission, capacity);
        if (buffer.capacity() != capacity) {
            throw Feedback.fail("buffer.capacity.reported", capacity, buffer.capacity());
        }
        List<Item> items = new ArrayList<>();
        Call<Void> filler = Call.run("filler", () -> {
            for (int i = 0; i < capacity; i++) {
                Item item = new Item(0, i);
                buffer.put(item);
                synchronized (items) {
                    items.add(item);
                }
            }
        });
        if (filler.awaitDoneOrStuck(Tolerances.STUCK, Tolerances.BOUND) != Call.Progress.DONE) {
            int fitted;
            synchronized (items) {
                fitted = items.size();
            }
            Calls.stop(filler);
            throw Feedback.fail("buffer.capacity.blocked-early", capacity, fitted);
        }
        filler.result();
        if (buffer.size() != capacity) {
            throw Feedback.fail("buffer.capacity.size", capacity, buffer.size());
        }
        Call<Void> extra = Call.run("extra-putter", () -> buffer.put(new Item(1, 0)));
        if (Calls.endedInsteadOfWaiting(extra)) {
            throw Feedback.fail("buffer.capacity.overfilled", capacity, buffer.size());
        }
        Call<Item> taker = Call.start("taker", buffer::take);
        Item head = Calls.resultOf(taker, "take()");
        extra.awaitDone(Tolerances.BOUND);
        Calls.stop(extra);
        if (head != items.get(0)) {
            throw Feedback.fail("buffer.capacity.head", items.get(0), head);
        }
    }

    @Check(id = "bad-arguments", points = 1, category = Category.CORRECTNESS,
            description = "a capacity below 1 throws IllegalArgumentException; a null item throws NullPointerException and changes nothing")
    void badArguments(Submission submission) throws InterruptedException {
        for (int capacity : new int[] {0, -1}) {
            try {
                submission.create(BoundedBuffer.class, capacity);
                throw Feedback.fail("buffer.bad-arguments.capacity-accepted", capacity);
            } catch (IllegalArgumentException expected) {
                // as the contract says
            } catch (RuntimeException e) {
                if (e.getClass().getName().startsWith("labkit.")) {
                    throw e; // the kit's own verdict on the class (no such constructor, say), not the student's exception
                }
                throw Feedback.fail("buffer.bad-arguments.capacity-exception", capacity, e.getClass().getName());
            }
        }
        BoundedBuffer<Item> buffer = create(submission, 3);
        Item first = new Item(0, 0);
        buffer.put(first);
        Scenarios.expectNullRejected(buffer, "put(null)", () -> buffer.put(null));
        Scenarios.expectNullRejected(buffer, "offer(null, 0 s)", () -> buffer.offer(null, Duration.ZERO));
        Scenarios.expectNullRejected(buffer, "offer(null, 1 s)", () -> buffer.offer(null, Duration.ofSeconds(1)));
        Item head = buffer.take();
        if (head != first) {
            throw Feedback.fail("buffer.bad-arguments.null-changed", "put/offer(null)", first, head);
        }
    }

    @Check(id = "conservation", points = 3, category = Category.CORRECTNESS, timeoutSeconds = 100,
            description = "4 producers and 4 consumers at capacities 1, 2 and 16: every item taken exactly once, in each producer's order; one consumer sees exact FIFO")
    void conservation(Submission submission, Random random) {
        for (int capacity : new int[] {1, 2, 16}) {
            Conservation.verify(create(submission, capacity), capacity, 4, 1_500, random);
        }
        Conservation.verify(create(submission, 2), 2, 1, 3_000, random);
    }

    @Check(id = "waits-and-wakes", points = 2, category = Category.CORRECTNESS,
            description = "take() waits on an empty buffer until a put() or offer() wakes it; put() waits on a full one until a take() or poll() wakes it")
    void waitsAndWakes(Submission submission) throws InterruptedException {
        BoundedBuffer<Item> buffer = create(submission, 1);
        Scenarios.expectWokenTake(buffer, "put(item)", item -> buffer.put(item));
        Scenarios.expectWokenTake(buffer, "offer(item, 0 s)", item -> buffer.offer(item, Duration.ZERO));
        Scenarios.expectWokenPut(buffer, "take()", buffer::take);
        Scenarios.expectWokenPut(buffer, "poll(0 s)", () -> buffer.poll(Duration.ZERO));
    }

    @Check(id = "if-instead-of-while", points = 2, category = Category.CORRECTNESS,
            description = "a woken take() that finds the buffer empty again waits again (and put() likewise when full): await() in a while loop")
    void ifInsteadOfWhile(Submission submission, Random random) throws InterruptedException {
        BoundedBuffer<Item> consumers = create(submission, 2);
        StudentLock lock = StudentLock.of(consumers);
        if (!lock.schedulable()) {
            Conservation.verify(consumers, 2, 2, 500, random);
            return;
        }
        rethrow(new ConditionSchedules(consumers, lock).wokenTakeFindsEmpty());
        BoundedBuffer<Item> producers = create(submission, 1);
        rethrow(new ConditionSchedules(producers, StudentLock.of(producers)).wokenPutFindsFull());
    }

    @Check(id = "state-under-lock", points = 2, category = Category.CORRECTNESS,
            description = "put, take, offer and poll read and change the buffer only while holding the lock; size() too, unless it reads a volatile count")
    void stateUnderLock(Submission submission) throws InterruptedException {
        BoundedBuffer<Item> buffer = create(submission, 4);
        List<Named> frozenOps = lockedOps(buffer);
        StudentLock lock = StudentLock.of(buffer);
        if (!lock.found()) {
            // Without a Lock there is nothing to hold; uses-lock-and-conditions gives that verdict.
            return;
        }
        Freeze freeze = new Freeze(buffer, lock);
        for (Named op : frozenOps) {
            rethrow(freeze.waitsForLock(op.name(), op.action()));
        }
        if (freeze.returnsWhileHeld("size()", buffer::size)) {
            expectOnlySafeReads(submission.classes(), "size");
        }
        BoundedBuffer<Item> stepped = create(submission, 1);
        Optional<SteppedLock> swapped = Scenarios.swapLock(stepped);
        if (swapped.isEmpty()) {
            // A design of several locks, or an unusual one, is left to the stress checks for this.
            return;
        }
        AfterUnlock afterUnlock = new AfterUnlock(stepped, swapped.get());
        rethrow(afterUnlock.unchanged());
        rethrow(afterUnlock.undisturbed());
    }

    /**
     * A read that does not wait for the lock sees another thread's write only through a volatile
     * field (or a final thread-safe object): a plain count may be stale on any machine whose
     * memory model is weaker than x86's. The plain reads are found in the bytecode.
     */
    private static void expectOnlySafeReads(JavaClasses classes, String method) {
        Structure.plainReadFrom(classes, method).ifPresent(read -> {
            throw Feedback.fail("buffer.state-under-lock.plain-read", method + "()", read.name(), read.where());
        });
    }

    /** put, take, offer and poll, none of which waits on a buffer of capacity 4 that starts with two items. */
    private static List<Named> lockedOps(BoundedBuffer<Item> buffer) throws InterruptedException {
        buffer.put(new Item(0, 0));
        buffer.put(new Item(0, 1));
        int[] made = {2};
        return List.of(
                new Named("put(item)", () -> buffer.put(new Item(0, made[0]++))),
                new Named("take()", buffer::take),
                new Named("offer(item, 0 s)", () -> buffer.offer(new Item(0, made[0]++), Duration.ZERO)),
                new Named("poll(0 s)", () -> buffer.poll(Duration.ZERO)));
    }

    @Check(id = "interrupts", points = 2, category = Category.CORRECTNESS,
            description = "a thread interrupted while waiting in put, take, offer or poll throws InterruptedException within 1 s; the buffer is unchanged and usable")
    void interrupts(Submission submission) throws InterruptedException {
        BoundedBuffer<Item> empty = create(submission, 2);
        Interrupts onEmpty = new Interrupts(empty);
        Call.Action feed = () -> empty.put(new Item(8, 0));
        rethrow(onEmpty.interruptWaiter(Call.start("taker", empty::take), "take()", feed));
        rethrow(onEmpty.interruptWaiter(Call.start("poller", () -> empty.poll(Duration.ofSeconds(30))), "poll(30 s)", feed));
        rethrow(onEmpty.unchangedAndUsable("take()/poll()"));

        BoundedBuffer<Item> full = create(submission, 1);
        Item kept = new Item(0, 0);
        full.put(kept);
        Interrupts onFull = new Interrupts(full);
        Call.Action drainOne = full::take;
        rethrow(onFull.interruptWaiter(Call.run("putter", () -> full.put(new Item(1, 0))), "put(item)", drainOne));
        rethrow(onFull.interruptWaiter(Call.start("offerer", () -> full.offer(new Item(1, 1), Duration.ofSeconds(30))),
                "offer(item, 30 s)", drainOne));
        rethrow(onFull.unchangedAndUsable("put()/offer()", kept));
    }

    // ---- deadlock ----

    @Check(id = "lost-wakeup", points = 2, category = Category.DEADLOCK,
            description = "at capacity 1, two producers and two consumers all finish: a signal never wakes a thread that cannot go on while the right one sleeps")
    void lostWakeup(Submission submission, Random random) {
        BoundedBuffer<Item> buffer = create(submission, 1);
        StudentLock lock = StudentLock.of(buffer);
        if (!lock.schedulable()) {
            Conservation.verify(buffer, 1, 2, 500, random);
            return;
        }
        // Only with one Condition can a take()'s signal() reach another consumer.
        boolean takeWakesOne = conditionsOf(buffer) == 1 && wakesOne(submission.classes(), "take");
        rethrow(new ConditionSchedules(buffer, lock).producersAndConsumersAllFinish(takeWakesOne));
    }

    /** How many distinct Conditions the buffer's own fields hold. */
    private static int conditionsOf(Object buffer) {
        Set<Object> conditions = Collections.newSetFromMap(new IdentityHashMap<>());
        Fields.of(buffer.getClass()).stream().map(field -> Fields.read(field, buffer))
                .filter(value -> value instanceof Condition)
                .forEach(conditions::add);
        return conditions.size();
    }

    /** Whether {@code method} wakes waiters only with signal(), never signalAll(): it wakes exactly one. */
    private static boolean wakesOne(JavaClasses classes, String method) {
        List<Structure.Invocation> calls = Structure.callsReachableFrom(classes, method);
        return calls.stream().anyMatch(c -> c.name().equals("signal") && c.parameters() == 0)
                && calls.stream().noneMatch(c -> c.name().equals("signalAll"));
    }

    // ---- timing ----

    @Check(id = "timeouts", points = 2, category = Category.TIMING,
            description = "poll/offer give up after about their timeout, at once for zero or negative ones, never for a huge one, and succeed as soon as they can")
    void timeouts(Submission submission) throws InterruptedException {
        BoundedBuffer<Item> empty = create(submission, 1);
        Timed.expectNoWait(Call.start("poller", () -> empty.poll(Duration.ZERO)), "poll(0 s) on an empty buffer", null);
        Timed.expectNoWait(Call.start("poller", () -> empty.poll(Duration.ofMillis(-5))), "poll(-5 ms) on an empty buffer", null);
        Timed.expectGivesUp(Call.start("poller", () -> empty.poll(TIMEOUT)),
                "poll(" + TIMEOUT.toMillis() + " ms) on an empty buffer", null);
        Item item = new Item(0, 0);
        Timed.expectNoWait(Call.start("offerer", () -> empty.offer(item, Duration.ZERO)), "offer(item, 0 s) on an empty buffer", true);
        Timed.expectNoWait(Call.start("offerer", () -> empty.offer(new Item(0, 1), Duration.ZERO)), "offer(item, 0 s) on a full buffer", false);
        Timed.expectNoWait(Call.start("offerer", () -> empty.offer(new Item(0, 2), Duration.ofMillis(-5))),
                "offer(item, -5 ms) on a full buffer", false);
        Timed.expectGivesUp(Call.start("offerer", () -> empty.offer(new Item(0, 3), TIMEOUT)),
                "offer(item, " + TIMEOUT.toMillis() + " ms) on a full buffer", false);
        Timed.expectNoWait(Call.start("poller", () -> empty.poll(Duration.ZERO)), "poll(0 s) on a full buffer", item);
        Timed.expectWokenInTime(Call.start("poller", () -> empty.poll(HUGE)), "poll(1000 years)",
                () -> empty.put(new Item(0, 4)));
        empty.put(new Item(0, 5));
        Timed.expectWokenInTime(Call.start("offerer", () -> empty.offer(new Item(0, 6), HUGE)), "offer(item, 1000 years)",
                empty::take);
    }

    @Check(id = "timeout-deadline", points = 1, category = Category.TIMING,
            description = "a poll/offer woken by a signal whose item another thread takes first keeps waiting only for the time left")
    void timeoutDeadline(Submission submission) throws InterruptedException {
        BoundedBuffer<Item> empty = create(submission, 1);
        StudentLock lock = StudentLock.of(empty);
        if (!lock.schedulable()) {
            // No wake-up can be forced: only the plain timeout is judged, which timeouts does more fully.
            Timed.expectGivesUp(Call.start("poller", () -> empty.poll(TIMEOUT)),
                    "poll(" + TIMEOUT.toMillis() + " ms) on an empty buffer", null);
            return;
        }
        ConditionSchedules robbers = new ConditionSchedules(empty, lock);
        Timed.expectDeadlineKept(robbers.robbedPoll(TIMEOUT), "poll(" + TIMEOUT.toMillis() + " ms)");
        BoundedBuffer<Item> full = create(submission, 1);
        ConditionSchedules fullRobbers = new ConditionSchedules(full, StudentLock.of(full));
        Timed.expectDeadlineKept(fullRobbers.robbedOffer(TIMEOUT), "offer(item, " + TIMEOUT.toMillis() + " ms)");
    }

    @Check(id = "no-busy-wait", points = 1, category = Category.TIMING,
            description = "a thread waiting in take() or put() is parked on a Condition: it neither burns CPU nor sleeps and retries")
    void noBusyWait(Submission submission) throws InterruptedException {
        BoundedBuffer<Item> buffer = create(submission, 1);
        Scenarios.expectParkedCheaply(Call.start("taker", buffer::take), "take()", () -> buffer.put(new Item(0, 0)));
        buffer.put(new Item(0, 1));
        Scenarios.expectParkedCheaply(Call.run("putter", () -> buffer.put(new Item(0, 2))), "put(item)", buffer::take);
    }

    @Check(id = "no-sleep-holding-lock", points = 1, category = Category.TIMING,
            description = "no method sleeps while it holds the lock: that stalls every producer and consumer meanwhile")
    void noSleepHoldingLock(Submission submission) throws InterruptedException {
        BoundedBuffer<Item> stepped = create(submission, 4);
        Optional<SteppedLock> swapped = Scenarios.swapLock(stepped);
        if (swapped.isPresent()) {
            for (Named op : withSize(lockedOps(stepped), stepped)) {
                Calls.resultOf(swapped.get().step(() -> {
                    op.action().run();
                    return null;
                }, stop -> { }), op.name());
                if (swapped.get().waitedHoldingMillis() >= SLEPT_HOLDING_MS) {
                    throw Feedback.fail("buffer.no-sleep-holding-lock.slept", op.name());
                }
            }
        }
        // Every design, synchronized included (and a monitor beside a swapped lock): the sleeper is
        // seen while it sleeps, with what it holds. A look can only miss a sleep, never invent one,
        // so the calls are made again while any of them waited for no reason the grader knows.
        for (int round = 0; round < SLEEP_ROUNDS; round++) {
            if (!waitedInSomeCall(create(submission, 4))) {
                return;
            }
        }
    }

    /** Makes each locked call once, none of which has to wait; whether any waited all the same (it slept, or may have). */
    private static boolean waitedInSomeCall(BoundedBuffer<Item> buffer) throws InterruptedException {
        boolean waited = false;
        for (Named op : withSize(lockedOps(buffer), buffer)) {
            long[] waitedMs = new long[1];
            Call<Void> call = Call.run("caller", () -> {
                long before = Threads.waitedMillis();
                op.action().run();
                waitedMs[0] = before < 0 ? Long.MAX_VALUE : Threads.waitedMillis() - before;
            });
            List<String> held = call.locksHeldAsleep(Tolerances.BOUND);
            Calls.resultOf(call, op.name());
            if (!held.isEmpty()) {
                throw Feedback.fail("buffer.no-sleep-holding-lock.slept-holding", op.name(), String.join(", ", held));
            }
            waited |= waitedMs[0] >= 1;
        }
        return waited;
    }

    /** How often the calls are made while one of them waited but was never seen asleep holding a lock. */
    private static final int SLEEP_ROUNDS = 10;

    /** Waited with the lock held this long, not in await(): asleep on purpose, not a scheduling hiccup. */
    static final long SLEPT_HOLDING_MS = 3;

    private static List<Named> withSize(List<Named> ops, BoundedBuffer<Item> buffer) {
        List<Named> all = new ArrayList<>(ops);
        all.add(new Named("size()", buffer::size));
        return all;
    }

    // ---- structure ----

    @Check(id = "uses-lock-and-conditions", points = 1, category = Category.STRUCTURE,
            description = "a java.util.concurrent.locks.Lock and its Conditions do the waiting")
    void usesLockAndConditions(Submission submission) {
        JavaClasses classes = submission.classes();
        boolean hasLock = classes.stream().flatMap(c -> c.getFields().stream())
                .anyMatch(f -> f.getRawType().isAssignableTo(Lock.class) || f.getRawType().isAssignableTo(ReadWriteLock.class));
        if (!hasLock) {
            throw Feedback.fail("buffer.uses-lock-and-conditions.no-lock", submission.className());
        }
        boolean hasCondition = classes.stream().flatMap(c -> c.getFields().stream())
                .anyMatch(f -> f.getRawType().isAssignableTo(Condition.class));
        if (!hasCondition) {
            throw Feedback.fail("buffer.uses-lock-and-conditions.no-condition", submission.className());
        }
    }

    @Check(id = "no-monitors", points = 1, category = Category.STRUCTURE,
            description = "no synchronized, wait() or notify(): the Lock and its Conditions do that work")
    void noMonitors(Submission submission) throws InterruptedException {
        Scenarios.smoke(create(submission, 2));
        List<String> monitors = Structure.synchronizedUses(submission.classes());
        if (!monitors.isEmpty()) {
            throw Feedback.failure("buffer.no-monitors.synchronized").withDetails(String.join("\n", monitors));
        }
        List<String> calls = new ArrayList<>();
        for (JavaClass c : submission.classes()) {
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> MONITOR_METHODS.contains(call.getTarget().getName()))
                    .forEach(call -> calls.add(call.getSourceCodeLocation() + ": " + call.getTarget().getName() + "()"));
        }
        if (!calls.isEmpty()) {
            throw Feedback.failure("buffer.no-monitors.wait-notify").withDetails(String.join("\n", calls));
        }
    }

    /** Object's monitor methods; Condition's own are await and signal, so these names are unambiguous. */
    private static final Set<String> MONITOR_METHODS = Set.of("wait", "notify", "notifyAll");

    @Check(id = "no-ready-made-queue", points = 1, category = Category.STRUCTURE,
            description = "no Semaphore and no java.util.concurrent queue or collection: a plain array or ArrayDeque guarded by the Lock holds the items")
    void noReadyMadeQueue(Submission submission) throws InterruptedException {
        Scenarios.smoke(create(submission, 2));
        Structure.require(noClasses().should().dependOnClassesThat(READY_MADE), submission.classes(),
                "buffer.no-ready-made-queue.used");
    }

    /** What would do the lab's work: Semaphore and the java.util.concurrent queues and collections (not TimeUnit, not locks). */
    private static final DescribedPredicate<JavaClass> READY_MADE = DescribedPredicate.describe(
            "a Semaphore, queue or collection of java.util.concurrent",
            c -> c.getPackageName().equals("java.util.concurrent")
                    && (c.getSimpleName().equals("Semaphore") || c.getSimpleName().endsWith("Queue")
                            || c.getSimpleName().endsWith("Deque") || c.getSimpleName().startsWith("Concurrent")
                            || c.getSimpleName().startsWith("CopyOnWrite") || c.getSimpleName().equals("Exchanger")));

    // ---- helpers that read like the scenarios above ----

    private record Named(String name, Call.Action action) {}

    @SuppressWarnings("unchecked")
    private static BoundedBuffer<Item> create(Submission submission, int capacity) {
        return submission.create(BoundedBuffer.class, capacity);
    }

    private static void rethrow(AssertionError failure) {
        if (failure != null) {
            throw failure;
        }
    }

}
