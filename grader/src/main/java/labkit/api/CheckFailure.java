package labkit.api;

/**
 * A check's verdict that the submission is wrong: the headline message for the student, and
 * optional details (a thread dump, a lock cycle, the schedule that failed) shown below it.
 */
public final class CheckFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String details;
    private final Category category;

    CheckFailure(String message, String details) {
        this(message, details, null);
    }

    private CheckFailure(String message, String details, Category category) {
        super(message);
        this.details = details;
        this.category = category;
    }

    /** The same failure with {@code details} attached below the headline. */
    public CheckFailure withDetails(String details) {
        CheckFailure copy = new CheckFailure(getMessage(), details, category);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * The same failure reported in {@code category} instead of the check's own: what the check saw
     * shows a cause of another kind (a correctness scenario whose threads all wait for good is a
     * deadlock). The points stay the check's.
     */
    public CheckFailure inCategory(Category category) {
        CheckFailure copy = new CheckFailure(getMessage(), details, category);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The category the failure is reported in, or {@code null} for the check's own. */
    public Category category() {
        return category;
    }

    /** The attachment below the headline, or {@code null}. */
    public String details() {
        return details;
    }
}
