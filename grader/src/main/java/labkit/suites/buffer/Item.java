package labkit.suites.buffer;

/**
 * An item the grader puts into the student's buffer: which producer made it and its place in
 * that producer's sequence. Each is a fresh object, so the grader can tell a duplicate (the same
 * item taken twice) from an equal one, and its text shows up readably in messages.
 */
record Item(int producer, int seq) {

    @Override
    public String toString() {
        return "p" + producer + "#" + seq;
    }
}
