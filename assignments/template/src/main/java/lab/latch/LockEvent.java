package lab.latch;

/**
 * The latch lab. Read {@code handouts/latch.md}, then replace each TODO. Run {@code mvn test} to see your grade.
 */
public class LockEvent implements Event {

    // TODO: your fields.

    public LockEvent() {
    }

    @Override
    public void step() {
        throw new UnsupportedOperationException("TODO: step() is not written yet (see handouts/latch.md)");
    }

    @Override
    public long steps() {
        throw new UnsupportedOperationException("TODO: steps() is not written yet (see handouts/latch.md)");
    }
}
