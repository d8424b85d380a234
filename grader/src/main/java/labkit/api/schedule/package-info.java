/**
 * Forced schedules for any lab whose student class keeps a {@link java.util.concurrent.locks.ReentrantLock}:
 * {@link labkit.api.schedule.StudentLock} holds the student's locks and tells a thread queued on
 * the lock from one waiting on a Condition; {@link labkit.api.schedule.LockSwap} puts a
 * {@link labkit.api.schedule.SteppedLock} in place of the lock, which stops one call at each
 * {@code unlock()} and {@code lock()} and times how long it waits with the lock held;
 * {@link labkit.api.schedule.Snapshot} copies the object's fields so that two moments can be compared.
 */
package labkit.api.schedule;
