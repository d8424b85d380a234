package labkit.engine.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import labkit.engine.child.ChildMain;
import labkit.engine.child.EventLog;

/**
 * One forked JVM that runs some checks of one lab's suite against the student's classes, under
 * a hard deadline: each check's own bound plus a grace, and a cap on what it prints. The
 * grading process kills it, and everything it started, when either runs out.
 */
final class ChildRun {

    /** Time for the JVM to start and load the suite, on a slow, loaded machine. */
    static final int STARTUP_GRACE_SECONDS = 30;
    /** Past a check's own bound, how long the child's watchdog has to report before the process is killed. */
    static final int CHECK_GRACE_SECONDS = 15;
    /** What a child may write to a stream before it is killed (its own cap lets far less through). */
    static final long OUTPUT_KILL_BYTES = 8L * 1024 * 1024;
    static final String HEAP = "-Xmx512m";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What came back: the events in order, and how the process ended. */
    record Outcome(List<Map<String, Object>> events, Integer exitCode, String killedBecause, String stderrTail) {
        boolean done() {
            return events.stream().anyMatch(e -> EventLog.DONE.equals(e.get("event")));
        }
    }

    private ChildRun() {}

    static Outcome run(LabDefinition lab, Path classes, Path workDir, long seed, List<String> checkIds, List<String> extraJvmArgs) {
        Path scratch = workDir.resolve("scratch");
        LabCompiler.recreate(scratch);
        Path events = workDir.resolve("events.jsonl");
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        try {
            Files.deleteIfExists(events);
            Process process = new ProcessBuilder(command(lab, classes, events, seed, checkIds, extraJvmArgs))
                    .directory(scratch.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            String killed = supervise(process, lab, checkIds, events, out, err);
            Integer exit = killed == null ? process.exitValue() : null;
            // HotSpot reports a fatal OutOfMemoryError on standard output, other deaths on standard error.
            return new Outcome(readEvents(events), exit, killed, tail(out) + tail(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command(LabDefinition lab, Path classes, Path events, long seed, List<String> checkIds,
            List<String> extraJvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(HEAP);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xshare:auto");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.addAll(lab.jvmArgs());
        cmd.addAll(extraJvmArgs);
        cmd.add("-cp");
        cmd.add(KitClasspath.get());
        cmd.add(ChildMain.class.getName());
        cmd.add(lab.suite().getName());
        cmd.add(classes.toString());
        cmd.add(events.toString());
        cmd.add(Long.toString(seed));
        cmd.add(String.join(",", checkIds));
        return cmd;
    }

    /** Waits for the process; returns why it was killed, or null when it ended by itself. */
    private static String supervise(Process process, LabDefinition lab, List<String> checkIds, Path events, Path out, Path err) {
        long started = System.nanoTime();
        long overall = (long) (STARTUP_GRACE_SECONDS + lab.totalTimeoutSeconds(checkIds)
                + CHECK_GRACE_SECONDS * Math.max(1, checkIds.size() / 4)) * 1_000_000_000L;
        Map<String, Long> firstSeen = new HashMap<>();
        try {
            while (!process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                String reason = null;
                if (now - started > overall) {
                    reason = "deadline";
                } else if (size(out) > OUTPUT_KILL_BYTES || size(err) > OUTPUT_KILL_BYTES) {
                    reason = "output";
                } else {
                    String running = runningCheck(readEvents(events));
                    if (running != null) {
                        long seen = firstSeen.computeIfAbsent(running, k -> now);
                        long bound = (lab.check(running).timeoutSeconds() + CHECK_GRACE_SECONDS) * 1_000_000_000L;
                        if (now - seen > bound) {
                            reason = "stuck";
                        }
                    }
                }
                if (reason != null) {
                    kill(process);
                    return reason;
                }
            }
            return null;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The check that started and has not ended, or null. */
    static String runningCheck(List<Map<String, Object>> events) {
        String running = null;
        for (Map<String, Object> e : events) {
            if (EventLog.START.equals(e.get("event"))) {
                running = (String) e.get("check");
            } else if (EventLog.END.equals(e.get("event"))) {
                running = null;
            }
        }
        return running;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readEvents(Path events) {
        List<Map<String, Object>> parsed = new ArrayList<>();
        if (!Files.exists(events)) {
            return parsed;
        }
        try {
            for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
                try {
                    parsed.add(JSON.readValue(line, Map.class));
                } catch (IOException partialLine) {
                    // The child may be writing this line right now; it is read again at the next look.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            int from = Math.max(0, bytes.length - 2000);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
