package labkit.engine.grade;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every forked JVM (or sandbox) the grading process has running, so that an interrupted grading
 * run (Ctrl-C on {@code mvn test}, a CI cancel: both end the JVM with a signal that runs shutdown
 * hooks) ends them and everything they started, instead of leaving them under PID 1.
 */
final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "grader-child-reaper"));
    }

    private ChildProcesses() {}

    static void started(Process process) {
        LIVE.add(process);
    }

    static void ended(Process process) {
        LIVE.remove(process);
    }

    /** Kills every registered process tree; what the shutdown hook does. */
    static void killAll() {
        LIVE.forEach(ChildProcesses::kill);
    }

    /** Kills {@code process} and all its descendants, and waits (a little) for it to be gone. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }

    static int live() {
        return LIVE.size();
    }
}
