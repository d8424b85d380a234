package labkit.mutation.fetcher;

import labkit.mutation.ReferenceSuite;
import org.junit.jupiter.api.Test;

/** PIT runs this against each mutant of the fetcher reference: the mutant is killed when a check fails. */
class FetcherMutationTests {

    @Test
    void everyCheckPassesAgainstTheClassOnTheClassPath() {
        ReferenceSuite.assertEveryCheckPasses("fetcher");
    }
}
