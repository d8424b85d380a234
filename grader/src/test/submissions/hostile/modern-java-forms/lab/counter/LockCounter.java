package lab.counter;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * A correct counter written with what javac turns into invokedynamic and synthetic members:
 * lambdas, method references, string concatenation, a record, an enum switch, try-with-resources,
 * assert. All of it stays allowed.
 */
public class LockCounter implements Counter {
    private record Held(ReentrantLock lock) implements AutoCloseable {
        Held {
            lock.lock();
        }

        @Override
        public void close() {
            lock.unlock();
        }
    }

    private enum Step { ONE, NONE }

    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<Held> hold = () -> new Held(lock);
    private long value;

    @Override
    public void increment() {
        update(v -> Math.addExact(v, step(Step.ONE)));
    }

    @Override
    public long get() {
        try (Held held = hold.get()) {
            assert held.lock().isHeldByCurrentThread() : "held by " + Thread.currentThread().getName() + " at " + value;
            return value;
        }
    }

    @Override
    public boolean tryIncrement() {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            value = List.of(value).stream().map(v -> v + 1).reduce(0L, Long::sum);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long update(LongUnaryOperator f) {
        try (Held held = hold.get()) {
            value = f.applyAsLong(value);
            return value;
        }
    }

    private static long step(Step step) {
        switch (step) {
            case ONE:
                return 1;
            default:
                return 0;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("LockCounter[").append(value);
        text.setLength(text.length()); // length() and setLength() are declared by StringBuilder's package-private parent
        return text + ", next step " + Step.valueOf("ONE") + "]";
    }
}
