package labkit.mutation.latch;

import labkit.mutation.ReferenceSuite;
import org.junit.jupiter.api.Test;

/** PIT runs this against each mutant of the latch reference: the mutant is killed when a check fails. */
class LatchMutationTests {

    @Test
    void everyCheckPassesAgainstTheClassOnTheClassPath() {
        ReferenceSuite.assertEveryCheckPasses("latch");
    }
}
