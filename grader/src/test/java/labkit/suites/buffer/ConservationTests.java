package labkit.suites.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import lab.buffer.BoundedBuffer;
import labkit.api.Category;
import labkit.api.CheckFailure;
import labkit.api.Feedback;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The verdict and hint of a stalled conservation run follow what was seen, not the most common cause. */
@DisplayName("conservation's stall verdict")
class ConservationTests {

    private static final String GRADER_RETRYING = "  grader-consumer-1 runnable\n  grader-producer-0 waiting in lab.buffer.ConditionBuffer.put(ConditionBuffer.java:40)";

    @Test
    @DisplayName("a count out of range is named, and the grader's own retrying threads are not called a busy loop")
    void countOutOfRange() {
        String hint = Conservation.stallHint(GRADER_RETRYING, -1, 2);
        assertThat(hint).isEqualTo(Feedback.text("buffer.conservation.stalled.count", -1, 2)).doesNotContain("busy loop");
    }

    @Test
    @DisplayName("only the grader's threads running, the count in range: a wake-up went wrong")
    void graderThreadsRunning() {
        assertThat(Conservation.stallHint(GRADER_RETRYING, 1, 2)).isEqualTo(Feedback.text("buffer.conservation.stalled.parked"));
    }

    @Test
    @DisplayName("a thread running inside the submission's code is a busy loop")
    void studentThreadRunning() {
        String summary = "  grader-consumer-1 runnable in lab.buffer.ConditionBuffer.take(ConditionBuffer.java:52)";
        assertThat(Conservation.stallHint(summary, 0, 2)).isEqualTo(Feedback.text("buffer.conservation.stalled.running"));
    }

    @Test
    @Timeout(60)
    @DisplayName("every thread waiting for good on the buffer's Conditions, or retrying the grader's polls, is a deadlock: each thread named with what it waits on, and the lost items said")
    void stuckRunIsADeadlock() {
        CheckFailure failure = catchThrowableOfType(
                () -> Conservation.verify(new DroppingBuffer(1), 1, 2, 200, new Random(7)), CheckFailure.class);
        assertThat(failure).as("a buffer that loses items must fail conservation").isNotNull();
        assertThat(failure.category()).isEqualTo(Category.DEADLOCK);
        assertThat(failure.getMessage())
                .startsWith(KitGrading.messageStart("buffer.conservation.stuck", 1, 2, 2, null))
                .containsPattern("grader-consumer-\\d waits on (" + java.util.regex.Pattern.quote(
                        Feedback.text("buffer.conservation.stuck.condition", "notEmpty")) + "|nothing)")
                .contains(KitGrading.messageStart("buffer.conservation.stuck.lost", null))
                .doesNotContain("busy loop");
    }

    /** A Lock/Condition buffer right in every way but one: one item in 25 that put or offer accepts is lost. */
    static final class DroppingBuffer implements BoundedBuffer<Item> {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private final Condition notFull = lock.newCondition();
        private final ArrayDeque<Item> items = new ArrayDeque<>();
        private final int capacity;
        private int accepted;

        DroppingBuffer(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public void put(Item item) throws InterruptedException {
            offer(item, Duration.ofDays(365));
        }

        @Override
        public Item take() throws InterruptedException {
            return poll(Duration.ofDays(365));
        }

        @Override
        public boolean offer(Item item, Duration timeout) throws InterruptedException {
            lock.lock();
            try {
                long nanos = timeout.toNanos();
                while (items.size() == capacity) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = notFull.awaitNanos(nanos);
                }
                if (++accepted % 25 != 0) {
                    items.addLast(item);
                    notEmpty.signalAll();
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Item poll(Duration timeout) throws InterruptedException {
            lock.lock();
            try {
                long nanos = timeout.toNanos();
                while (items.isEmpty()) {
                    if (nanos <= 0) {
                        return null;
                    }
                    nanos = notEmpty.awaitNanos(nanos);
                }
                Item item = items.removeFirst();
                notFull.signalAll();
                return item;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int size() {
            lock.lock();
            try {
                return items.size();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int capacity() {
            return capacity;
        }
    }
}
