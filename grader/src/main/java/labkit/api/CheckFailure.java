package labkit.api;

/**
 * A check's verdict that the submission is wrong: the headline message for the student, and
 * optional details (a thread dump, a lock cycle, the schedule that failed) shown below it.
 */
public final class CheckFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String details;

    CheckFailure(String message, String details) {
        super(message);
        this.details = details;
    }

    /** The same failure with {@code details} attached below the headline. */
    public CheckFailure withDetails(String details) {
        CheckFailure copy = new CheckFailure(getMessage(), details);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The attachment below the headline, or {@code null}. */
    public String details() {
        return details;
    }
}
