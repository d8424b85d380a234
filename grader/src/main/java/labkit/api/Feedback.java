package labkit.api;

import labkit.engine.text.Messages;

/**
 * Makes the messages a suite shows: every sentence comes from {@code labkit/messages.properties},
 * keyed by the full check id and a suffix ({@code counter.mutual-exclusion.completed}).
 *
 * <pre>{@code
 * if (call.isDone()) {
 *     throw Feedback.fail("counter.increment-waits.completed", elapsed);
 * }
 * }</pre>
 */
public final class Feedback {

    private Feedback() {}

    /** The text of message {@code key} with {@code args} filled in. */
    public static String text(String key, Object... args) {
        return Messages.format(key, args);
    }

    /** A failure whose message is message {@code key}; throw it from a check. */
    public static CheckFailure fail(String key, Object... args) {
        return new CheckFailure(Messages.format(key, args), null);
    }
}
