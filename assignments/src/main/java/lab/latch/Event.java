package lab.latch;

/**
 * TODO: one sentence on what the lab's object is, then its contract: which methods may block,
 * which respond to interrupts, what is thread-safe. The implementation is
 * {@code lab.latch.LockEvent}, with a public no-argument constructor.
 *
 * <p>The scaffold's example: a step counter guarded by a lock. Replace its methods with the lab's.
 */
public interface Event {

    /** Adds one to the number of steps, waiting for the lock if another thread holds it. */
    void step();

    /** The number of {@link #step()} calls so far. */
    long steps();
}
