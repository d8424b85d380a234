package labkit.mutation.counter;

import labkit.mutation.ReferenceSuite;
import org.junit.jupiter.api.Test;

/** PIT runs this against each mutant of the counter reference: the mutant is killed when a check fails. */
class CounterMutationTests {

    @Test
    void everyCheckPassesAgainstTheClassOnTheClassPath() {
        ReferenceSuite.assertEveryCheckPasses("counter");
    }
}
