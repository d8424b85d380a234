package labkit.api;

import java.util.Locale;

/** Who sees a check's result, as Gradescope and the student export understand it. */
public enum Visibility {
    /** The student sees the check and its result (the default). */
    VISIBLE,
    /** The student sees it once the due date has passed. */
    AFTER_DUE_DATE,
    /** Only the instructor sees it; the student export leaves it out, code and message. */
    HIDDEN;

    /** The name used in the report files: {@code visible}, {@code after_due_date}, {@code hidden}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
