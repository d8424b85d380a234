package labkit.engine.grade;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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

    /** Kills {@code process} and all its descendants, and waits (a little) for it to be gone. */
    void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.remove(process);
    }

    int live() {
        return live.size();
    }
}
