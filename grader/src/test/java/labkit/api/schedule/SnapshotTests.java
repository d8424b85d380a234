package labkit.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Snapshots of any object's fields: what state-under-lock compares, for any lab. */
@DisplayName("snapshot")
class SnapshotTests {

    /** An item of the grader's: a record, compared by value. */
    record Token(int n) {}

    static final class Guarded {
        final ReentrantLock lock = new ReentrantLock();
        final Token[] slots = new Token[2];
        final List<Token> log = new ArrayList<>();
        int count;
    }

    @Test
    @DisplayName("sees a change to a count, an array slot or a collection, but not to the lock")
    void seesChangesToStateOnly() {
        Guarded guarded = new Guarded();
        Snapshot snapshot = new Snapshot(guarded);
        Object before = snapshot.take();

        guarded.lock.lock();
        try {
            assertThat(Snapshot.same(before, snapshot.take())).as("a held lock is no change of state").isTrue();
        } finally {
            guarded.lock.unlock();
        }
        guarded.slots[1] = new Token(7);
        Object slot = snapshot.take();
        assertThat(Snapshot.same(before, slot)).isFalse();
        guarded.log.add(new Token(7));
        assertThat(Snapshot.same(slot, snapshot.take())).isFalse();
        guarded.count++;
        assertThat(snapshot.render(snapshot.take())).isEqualTo("{slots=[null, Token[n=7]], log=[Token[n=7]], count=1}");
    }

    @Test
    @DisplayName("keeps the grader's records as values: an equal item in the slot is no change")
    void recordsCompareByValue() {
        Guarded guarded = new Guarded();
        guarded.slots[0] = new Token(1);
        Snapshot snapshot = new Snapshot(guarded);
        Object before = snapshot.take();
        guarded.slots[0] = new Token(1);
        assertThat(Snapshot.same(before, snapshot.take())).isTrue();
        guarded.slots[0] = new Token(2);
        assertThat(Snapshot.same(before, snapshot.take())).isFalse();
    }
}
