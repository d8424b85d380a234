package lab.latch;

import java.time.Duration;

/**
 * An event flag that threads wait for, like Python's {@code threading.Event}: {@link #set()} lets
 * every waiter through, {@link #clear()} makes later callers of {@link #await()} wait again.
 *
 * <p>Every method is thread-safe. The implementation is {@code lab.latch.LockEvent}, with a public
 * no-argument constructor; a new event is clear.
 *
 * <p>Blocking: only {@link #await()} and {@link #await(Duration)} wait, and both respond to
 * interrupts. Clearing the event while a thread that {@code set()} woke has not yet returned is
 * outside the contract (the grader never does it).
 */
public interface Event {

    /** Sets the flag and wakes every thread waiting for it; a set event stays set until {@link #clear()}. */
    void set();

    /** Resets the flag: threads that call {@link #await()} from now on wait for the next {@link #set()}. */
    void clear();

    /** Whether the flag is set right now. */
    boolean isSet();

    /**
     * Returns at once if the flag is set, otherwise waits until another thread sets it.
     *
     * @throws InterruptedException if the caller is interrupted while it waits; the event is unchanged
     */
    void await() throws InterruptedException;

    /**
     * {@link #await()} that gives up after {@code timeout}, counted from the call. A zero or
     * negative timeout does not wait; a huge one (years) waits.
     *
     * @return {@code true} if the flag was set (at once or within the timeout), {@code false} if the timeout passed first
     * @throws InterruptedException if the caller is interrupted while it waits; the event is unchanged
     */
    boolean await(Duration timeout) throws InterruptedException;
}
