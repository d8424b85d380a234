package labkit.api;

import labkit.engine.text.Messages;

/**
 * Makes the messages a suite shows: every sentence comes from the message files
 * ({@code labkit/messages/<lab>.properties}), keyed by the full check id and a suffix
 * ({@code counter.mutual-exclusion.completed}).
 *
 * <pre>{@code
 * if (call.isDone()) {
 *     throw Feedback.fail("counter.increment-waits.completed", elapsed);
 * }
 * throw Feedback.failure("latch.not-woken", "await()").withDetails(Threads.report());
 * }</pre>
 */
public final class Feedback {

    private Feedback() {}

    /** The text of message {@code key} with {@code args} filled in. */
    public static String text(String key, Object... args) {
        return Messages.format(key, args);
    }

    /**
     * Fails the check with message {@code key}: this method throws, so a forgotten {@code throw}
     * still fails. It is typed to return the failure only so that {@code throw Feedback.fail(...)}
     * ends a method for the compiler; the type has no {@code withDetails} (use {@link #failure}).
     */
    public static AssertionError fail(String key, Object... args) {
        throw failure(key, args);
    }

    /**
     * The failure with message {@code key}, not thrown: to attach details
     * ({@code throw Feedback.failure(key).withDetails(report)}), or for a helper that returns its
     * verdict to the check, which throws it. The kit's tests reject a suite that drops one unthrown.
     */
    public static CheckFailure failure(String key, Object... args) {
        return new CheckFailure(Messages.format(key, args), null);
    }
}
