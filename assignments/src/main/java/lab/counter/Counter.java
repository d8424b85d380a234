package lab.counter;

import java.util.function.LongUnaryOperator;

/**
 * A counter whose value is guarded by a {@link java.util.concurrent.locks.Lock}.
 *
 * <p>Every method is thread-safe and linearizable. The implementation is
 * {@code lab.counter.LockCounter}, with a public no-argument constructor; a new
 * counter starts at 0.
 *
 * <p>Blocking: {@link #increment()}, {@link #get()} and {@link #update} may wait
 * for the lock; {@link #tryIncrement()} never waits. None of them responds to
 * interrupts.
 */
public interface Counter {

    /** Adds one to the value, waiting for the lock if another thread holds it. */
    void increment();

    /** Returns the current value. */
    long get();

    /**
     * Adds one to the value only if the lock is free at this moment, like Python's
     * {@code lock.acquire(False)}. Never waits.
     *
     * @return {@code true} if it incremented, {@code false} if another thread held the lock
     */
    boolean tryIncrement();

    /**
     * Takes the lock, sets {@code value = f.applyAsLong(value)} and returns the new value.
     *
     * <p>Two {@code update} calls never run their {@code f} at the same time, and no other
     * method changes the value while {@code f} runs. {@code f} may call {@link #get()} on this
     * counter from the same thread and sees the value as it was when {@code update} began.
     * If {@code f} throws, the value is unchanged, the exception reaches the caller
     * unchanged, and the lock is released.
     *
     * @param f the function applied to the value while the lock is held
     * @return the new value
     */
    long update(LongUnaryOperator f);
}
