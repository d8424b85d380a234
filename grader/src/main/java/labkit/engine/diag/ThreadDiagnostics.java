package labkit.engine.diag;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import labkit.engine.text.Messages;

/**
 * What the threads are doing: the lock cycle when the JVM finds one, otherwise every thread that
 * is running the submission's code (or is one of the grader's test threads), with the
 * submission's frames and the lock each one waits for.
 */
public final class ThreadDiagnostics {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadDiagnostics() {}

    /** A readable report of the stuck threads, for a message's details. */
    public static String report() {
        ThreadInfo[] all = THREADS.dumpAllThreads(true, true);
        StringBuilder out = new StringBuilder();
        String cycle = deadlockCycle(all);
        if (cycle != null) {
            out.append(cycle).append('\n');
        }
        @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+
        long self = Thread.currentThread().getId();
        List<ThreadInfo> stuck = Arrays.stream(all).filter(t -> t != null && t.getThreadId() != self)
                .filter(ThreadDiagnostics::isInteresting).collect(Collectors.toList());
        if (stuck.isEmpty()) {
            out.append(Messages.format("engine.threads.none"));
        } else {
            out.append(Messages.format("engine.threads.header", stuck.size()));
            for (ThreadInfo info : stuck) {
                out.append('\n').append(describe(info));
            }
        }
        return out.toString();
    }

    /** The lock cycle found by {@link ThreadMXBean#findDeadlockedThreads()}, or {@code null} when there is none. */
    public static String deadlockCycle() {
        return deadlockCycle(THREADS.dumpAllThreads(true, true));
    }

    /** How much CPU time {@code thread} has used, in nanoseconds, or -1 when the JVM cannot tell. */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+, the kit's baseline is 17
    public static long cpuTimeNanos(Thread thread) {
        return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.getId()) : -1;
    }

    /**
     * How long the calling thread has spent waiting so far (sleeping, parked, in Object.wait), in
     * milliseconds, or -1 when the JVM cannot tell. Turns on the JVM's contention monitoring, which
     * the waited time needs.
     */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+, the kit's baseline is 17
    public static long waitedMillisOfCurrentThread() {
        if (!THREADS.isThreadContentionMonitoringSupported()) {
            return -1;
        }
        if (!THREADS.isThreadContentionMonitoringEnabled()) {
            THREADS.setThreadContentionMonitoringEnabled(true);
        }
        ThreadInfo info = THREADS.getThreadInfo(Thread.currentThread().getId());
        return info == null ? -1 : info.getWaitedTime();
    }

    /**
     * The monitors and locks {@code thread} holds while it is asleep (in Thread.sleep, TimeUnit.sleep
     * or a LockSupport.parkNanos without a blocker), each as {@code Class@hash}; empty when it is
     * not asleep or holds nothing. A thread in Object.wait or Condition.await waits on something
     * (the JVM names it as the thread's lock) and is not asleep here. One look, taken at a safepoint.
     */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+, the kit's baseline is 17
    public static List<String> locksHeldAsleep(Thread thread) {
        ThreadInfo[] infos = THREADS.getThreadInfo(new long[] {thread.getId()},
                THREADS.isObjectMonitorUsageSupported(), THREADS.isSynchronizerUsageSupported());
        ThreadInfo info = infos.length == 0 ? null : infos[0];
        if (info == null || info.getThreadState() != Thread.State.TIMED_WAITING || info.getLockInfo() != null) {
            return List.of();
        }
        List<String> held = new ArrayList<>();
        Arrays.stream(info.getLockedMonitors()).map(m -> Messages.format("engine.held.monitor", lockName(m))).forEach(held::add);
        Arrays.stream(info.getLockedSynchronizers()).map(l -> Messages.format("engine.held.lock", lockName(l))).forEach(held::add);
        return held;
    }

    private static String deadlockCycle(ThreadInfo[] all) {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null) {
            return null;
        }
        Set<Long> inCycle = Arrays.stream(ids).boxed().collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        for (ThreadInfo info : all) {
            if (info != null && inCycle.contains(info.getThreadId())) {
                StringBuilder line = new StringBuilder(Messages.format("engine.deadlock.edge",
                        info.getThreadName(), lockName(info.getLockInfo()), info.getLockOwnerName()));
                StackFrames.appendSubmissionFrames(line, info.getStackTrace(), "\n      at ");
                lines.add(line.toString());
            }
        }
        return Messages.format("engine.deadlock.header", ids.length) + "\n  " + String.join("\n  ", lines);
    }

    private static boolean isInteresting(ThreadInfo info) {
        if (info == null || info.getThreadName().startsWith("grader-safe-text")
                || info.getThreadName().equals("grader-watchdog")) {
            return false;
        }
        if (info.getThreadName().startsWith("grader-")) {
            return true;
        }
        return Arrays.stream(info.getStackTrace()).anyMatch(StackFrames::isSubmission);
    }

    static String describe(ThreadInfo info) {
        StringBuilder out = new StringBuilder("  \"").append(info.getThreadName()).append("\" ")
                .append(info.getThreadState());
        if (info.getLockInfo() != null) {
            out.append(" on ").append(lockName(info.getLockInfo()));
            if (info.getLockOwnerName() != null) {
                out.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        if (info.getLockedSynchronizers().length > 0) {
            out.append(", holding ").append(Arrays.stream(info.getLockedSynchronizers())
                    .map(ThreadDiagnostics::lockName).collect(Collectors.joining(", ")));
        }
        StackTraceElement[] trace = info.getStackTrace();
        if (StackFrames.appendSubmissionFrames(out, trace, "\n      at ") == 0) {
            for (int i = 0; i < Math.min(StackFrames.CONTEXT_FRAMES, trace.length); i++) {
                out.append("\n      at ").append(trace[i]);
            }
        }
        return out.toString();
    }

    private static String lockName(LockInfo lock) {
        if (lock == null) {
            return "?";
        }
        String name = lock.getClassName();
        return name.substring(name.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
