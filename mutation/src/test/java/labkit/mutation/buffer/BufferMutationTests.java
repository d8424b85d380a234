package labkit.mutation.buffer;

import labkit.mutation.ReferenceSuite;
import org.junit.jupiter.api.Test;

/** PIT runs this against each mutant of the buffer reference: the mutant is killed when a check fails. */
class BufferMutationTests {

    @Test
    void everyCheckPassesAgainstTheClassOnTheClassPath() {
        ReferenceSuite.assertEveryCheckPasses("buffer");
    }
}
