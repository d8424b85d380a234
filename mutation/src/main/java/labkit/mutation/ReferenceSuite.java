package labkit.mutation;

import java.util.Optional;
import labkit.engine.mutation.InProcessSuite;

/** What each lab's mutation test asserts: its suite passes against the reference (or the mutant) on the class path. */
public final class ReferenceSuite {

    /** A fixed seed, so that PIT's unmutated run and every mutant's run make the same choices. */
    private static final long SEED = 1;

    private ReferenceSuite() {}

    /** Fails with the first check of {@code labId} that does not pass: that is what kills a mutant. */
    public static void assertEveryCheckPasses(String labId) {
        Optional<InProcessSuite.Failure> failure = InProcessSuite.firstFailure(labId, SEED);
        if (failure.isPresent()) {
            throw new AssertionError(failure.get().checkId() + ": " + failure.get().message());
        }
    }
}
