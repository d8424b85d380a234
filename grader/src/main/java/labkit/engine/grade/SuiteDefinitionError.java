package labkit.engine.grade;

/** A grading suite with a mistake in it: a configuration error of the kit, never a zero for a student. */
public final class SuiteDefinitionError extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SuiteDefinitionError(String message) {
        super(message);
    }
}
