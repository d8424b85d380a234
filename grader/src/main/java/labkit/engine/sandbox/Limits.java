package labkit.engine.sandbox;

import java.util.List;

/**
 * The resource limits of a sandboxed JVM, set with {@code prlimit} before the JVM starts. Not set:
 * an address-space limit, because a JVM reserves far more address space than it uses (heap,
 * code cache, class space, one stack reservation per thread) and would fail to start under any
 * limit low enough to matter; native memory is bounded instead by the task cap times the thread
 * stack size ({@code -Xss}) plus the heap and direct-memory caps of the JVM's own options.
 *
 * @param tasks processes and threads together (RLIMIT_NPROC); it holds only for a user id other than root
 * @param fileSizeBytes the largest file the JVM may write (RLIMIT_FSIZE)
 * @param openFiles open file descriptors (RLIMIT_NOFILE)
 */
public record Limits(int tasks, long fileSizeBytes, int openFiles) {

    /**
     * Room for the kit's stress checks and for a student who starts a few thousand threads (the
     * JVM itself takes about 25), but not for an endless fork or thread bomb.
     */
    public static final Limits DEFAULT = new Limits(4_500, 64L * 1024 * 1024, 1_024);

    List<String> prlimitOptions() {
        return List.of("--nproc=" + tasks, "--fsize=" + fileSizeBytes, "--nofile=" + openFiles, "--core=0");
    }
}
