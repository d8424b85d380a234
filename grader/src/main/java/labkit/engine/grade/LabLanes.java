package labkit.engine.grade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import labkit.engine.report.AssignmentResult;

/**
 * Grades several labs at once, each in its own forked JVMs, as many side by side as the machine has
 * cores for ({@code -Dgrader.lanes=N}, default the number of processors, at most {@value #MOST}).
 * A lab's checks are bounded generously enough to hold on a loaded machine, which is what two labs
 * on two cores are; the kit's own self-test grades two labs at once on two cores for the same
 * reason. The labs whose checks may take longest start first, so that the run ends soonest.
 */
final class LabLanes {

    /** The property that sets how many labs are graded at once; 1 grades them one after another. */
    static final String PROPERTY = "grader.lanes";
    /** More lanes than this only add JVMs competing for the same cores. */
    static final int MOST = 4;

    private final int lanes;

    LabLanes(int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1: " + lanes);
        }
        this.lanes = lanes;
    }

    /** The lanes the grading process's properties ask for, else one per processor (at most {@link #MOST}). */
    static LabLanes fromSystemProperties() {
        int asked;
        try {
            asked = Integer.parseInt(System.getProperty(PROPERTY, "").trim());
        } catch (NumberFormatException unsetOrNonsense) {
            asked = Runtime.getRuntime().availableProcessors();
        }
        return new LabLanes(Math.max(1, Math.min(MOST, asked)));
    }

    int lanes() {
        return lanes;
    }

    /**
     * Grades every lab of {@code labs} with {@code gradeOne}, {@link #lanes()} at a time, and returns
     * the results in the order of {@code labs}. {@code gradeOne} is called on the lanes' threads, so
     * what it tells (progress) must be safe to call from several at once.
     */
    List<AssignmentResult> grade(List<LabDefinition> labs, Function<LabDefinition, AssignmentResult> gradeOne) {
        if (lanes == 1 || labs.size() < 2) {
            List<AssignmentResult> results = new ArrayList<>();
            labs.forEach(lab -> results.add(gradeOne.apply(lab)));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(lanes, labs.size()), lanesThreads());
        try {
            Map<LabDefinition, Future<AssignmentResult>> futures = new HashMap<>();
            longestFirst(labs).forEach(lab -> futures.put(lab, pool.submit(() -> gradeOne.apply(lab))));
            List<AssignmentResult> results = new ArrayList<>();
            for (LabDefinition lab : labs) {
                results.add(join(futures.get(lab)));
            }
            return results;
        } finally {
            // Interrupting a lane makes its supervisor kill the lab's JVM: nothing outlives the run.
            pool.shutdownNow();
        }
    }

    private static List<LabDefinition> longestFirst(List<LabDefinition> labs) {
        List<LabDefinition> order = new ArrayList<>(labs);
        order.sort(Comparator.comparingInt((LabDefinition lab) -> lab.checks().stream().mapToInt(CheckDefinition::timeoutSeconds).sum())
                .reversed());
        return order;
    }

    private static AssignmentResult join(Future<AssignmentResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory lanesThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "grader-lane-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
