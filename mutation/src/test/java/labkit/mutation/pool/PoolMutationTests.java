package labkit.mutation.pool;

import labkit.mutation.ReferenceSuite;
import org.junit.jupiter.api.Test;

/** PIT runs this against each mutant of the pool reference: the mutant is killed when a check fails. */
class PoolMutationTests {

    @Test
    void everyCheckPassesAgainstTheClassOnTheClassPath() {
        ReferenceSuite.assertEveryCheckPasses("pool");
    }
}
