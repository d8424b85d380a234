package labkit.engine.grade;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The forked JVMs (or sandboxes) a grading process has running, so that an interrupted grading
 * run (Ctrl-C on {@code mvn test}, a CI cancel: both end the JVM with a signal that runs shutdown
 * hooks) ends them and everything they started, instead of leaving them under PID 1.
 */
final class ChildProcesses {

    /** This grading process's children, killed by a shutdown hook. */
    static final ChildProcesses RUNNING = new ChildProcesses();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RUNNING::killAll, "grader-child-reaper"));
    }

    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    void started(Process process) {
        live.add(process);
    }

    void ended(Process process) {
        live.remove(process);
    }

    /** Kills every registered process tree; what the shutdown hook does. */
    void killAll() {
        live.forEach(this::kill);
    }

    /**
     * Kills {@code process} and all its descendants, and waits (10 s at most) until they are gone:
     * on a loaded machine a killed process can take a moment to exit, and nothing grading started
     * may still be there when it returns.
     */
    void kill(Process process) {
        List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle p : tree) {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Killed and still not gone after 10 s: nothing more can be done from here.
        }
        live.remove(process);
    }

    int live() {
        return live.size();
    }
}
