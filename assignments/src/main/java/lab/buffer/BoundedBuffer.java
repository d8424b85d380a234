package lab.buffer;

import java.time.Duration;

/**
 * A FIFO buffer of bounded capacity for producers and consumers, built on a
 * {@link java.util.concurrent.locks.Lock} with {@link java.util.concurrent.locks.Condition}s.
 *
 * <p>The implementation is {@code lab.buffer.ConditionBuffer<E>}, with a public constructor
 * {@code (int capacity)} that throws {@link IllegalArgumentException} when
 * {@code capacity < 1}. All methods are thread-safe. Waiting threads do not burn CPU; a
 * thread interrupted while waiting throws {@link InterruptedException} and leaves the
 * buffer unchanged and usable. A {@code null} item throws {@link NullPointerException}
 * and changes nothing. Timeouts of zero or less mean "do not wait".
 *
 * @param <E> the type of the items
 */
public interface BoundedBuffer<E> {

    /** Adds {@code item} at the tail, waiting while the buffer is full. */
    void put(E item) throws InterruptedException;

    /** Removes and returns the head, waiting while the buffer is empty. */
    E take() throws InterruptedException;

    /**
     * Adds {@code item} at the tail as soon as there is room, waiting at most {@code timeout}.
     *
     * @return {@code false} if the buffer was still full after {@code timeout}
     */
    boolean offer(E item, Duration timeout) throws InterruptedException;

    /**
     * Removes and returns the head as soon as there is one, waiting at most {@code timeout}.
     *
     * @return the head, or {@code null} if the buffer was still empty after {@code timeout}
     */
    E poll(Duration timeout) throws InterruptedException;

    /** The number of items in the buffer now. */
    int size();

    /** The most items the buffer holds. */
    int capacity();
}
