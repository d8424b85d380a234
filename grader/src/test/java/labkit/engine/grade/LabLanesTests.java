package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import labkit.api.Category;
import labkit.api.Visibility;
import labkit.engine.report.AssignmentResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Labs graded side by side: at most the lanes asked for at once, the report in the catalog's order. */
class LabLanesTests {

    @Test
    @DisplayName("two lanes grade two labs at the same time, and the results keep the labs' order")
    void twoLanesOverlap() {
        CyclicBarrier both = new CyclicBarrier(2);
        List<AssignmentResult> results = new LabLanes(2).grade(labs("a", 1, "b", 9), lab -> {
            await(both); // each lab waits for the other: only two lanes at once get past this
            return result(lab);
        });
        assertThat(results).extracting(AssignmentResult::id).containsExactly("a", "b");
    }

    @Test
    @DisplayName("never more labs at once than lanes, and the longest-bounded lab starts first")
    void atMostTheLanesAndLongestFirst() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The first two labs wait for each other, so that neither lane can take a third lab before
        // the other lane has started its first (a lane thread can be slow to start on a loaded machine).
        java.util.concurrent.CountDownLatch firstTwo = new java.util.concurrent.CountDownLatch(2);
        List<AssignmentResult> results = new LabLanes(2).grade(labs("short", 1, "long", 30, "middle", 10, "tiny", 1), lab -> {
            started.add(lab.id());
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            firstTwo.countDown();
            await(firstTwo);
            sleep(20);
            running.decrementAndGet();
            return result(lab);
        });
        assertThat(most.get()).isEqualTo(2);
        assertThat(started.get(0)).isIn("long", "middle");
        assertThat(started.subList(0, 2)).containsExactlyInAnyOrder("long", "middle");
        assertThat(results).extracting(AssignmentResult::id).containsExactly("short", "long", "middle", "tiny");
    }

    @Test
    @DisplayName("one lane grades the labs one after another, in order, on the caller's thread")
    void oneLaneIsSequential() {
        Thread caller = Thread.currentThread();
        List<String> order = new java.util.ArrayList<>();
        new LabLanes(1).grade(labs("x", 1, "y", 50), lab -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            order.add(lab.id());
            return result(lab);
        });
        assertThat(order).containsExactly("x", "y");
    }

    @Test
    @DisplayName("a lab whose grading throws ends the run with that exception, not a wrapper")
    void failureIsRethrown() {
        assertThatThrownBy(() -> new LabLanes(2).grade(labs("a", 1, "b", 1), lab -> {
            throw new IllegalArgumentException("no such check: " + lab.id());
        })).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no such check: ");
    }

    @Test
    @DisplayName("-Dgrader.lanes is read, capped, and a nonsense value falls back to the processors")
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void lanesFromProperty() {
        String before = System.getProperty(LabLanes.PROPERTY);
        try {
            System.setProperty(LabLanes.PROPERTY, "1");
            assertThat(LabLanes.fromSystemProperties().lanes()).isEqualTo(1);
            System.setProperty(LabLanes.PROPERTY, "99");
            assertThat(LabLanes.fromSystemProperties().lanes()).isEqualTo(LabLanes.MOST);
            System.setProperty(LabLanes.PROPERTY, "many");
            assertThat(LabLanes.fromSystemProperties().lanes())
                    .isEqualTo(Math.max(1, Math.min(LabLanes.MOST, Runtime.getRuntime().availableProcessors())));
        } finally {
            if (before == null) {
                System.clearProperty(LabLanes.PROPERTY);
            } else {
                System.setProperty(LabLanes.PROPERTY, before);
            }
        }
    }

    /** Labs named and bounded as given: {@code id, seconds, id, seconds...}. */
    private static List<LabDefinition> labs(Object... idsAndSeconds) {
        List<LabDefinition> labs = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndSeconds.length; i += 2) {
            String id = (String) idsAndSeconds[i];
            CheckDefinition check = new CheckDefinition(id + ".only", 1, Category.CORRECTNESS, "d", (Integer) idsAndSeconds[i + 1],
                    Visibility.VISIBLE);
            labs.add(new LabDefinition(id, Object.class, Object.class, "lab." + id + ".X", 1, List.of(), List.of(check)));
        }
        return labs;
    }

    private static AssignmentResult result(LabDefinition lab) {
        return new AssignmentResult(lab.id(), "graded", 0, 1, null,
                lab.checks().stream().map(c -> Verdicts.zero(c, "failed", "m")).collect(Collectors.toList()));
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the other lane never started a lab");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other lab never ran alongside", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
