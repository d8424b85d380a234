package labkit.engine.grade;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import labkit.engine.child.ChildMain;
import labkit.engine.child.EventLog;
import labkit.engine.sandbox.JdkFiles;
import labkit.engine.sandbox.Layout;
import labkit.engine.sandbox.OsSandbox;
import labkit.engine.text.Messages;

/**
 * One forked JVM that runs some checks of one lab's suite against the student's classes, inside
 * the run's OS sandbox when there is one, under a hard deadline: each check's own bound plus a
 * grace, a short grace outside any check, what is left of the lab's budget, and a cap on what it
 * prints. The grading process kills it, and everything it started, when any runs out, or as soon
 * as its event channel stops being trustworthy.
 */
final class ChildRun {

    /** Time for the JVM to start and load the suite, on a slow, loaded machine. */
    static final int STARTUP_GRACE_SECONDS = 30;
    /** Past a check's own bound, how long the child's watchdog has to report before the process is killed. */
    static final int CHECK_GRACE_SECONDS = 15;
    /**
     * How long the JVM may sit outside any check once the first has started: between an end and the
     * next start the suite does next to nothing, and after the last it only exits. Longer means a
     * {@code System.exit} that does not complete, or a hang in JUnit's hands.
     */
    static final int IDLE_GRACE_SECONDS = 10;
    /** What a child may write to a stream before it is killed (its own cap lets far less through). */
    static final long OUTPUT_KILL_BYTES = 8L * 1024 * 1024;
    static final String HEAP = "-Xmx512m";
    /** Thread stacks: with the sandbox's task cap, this bounds the native memory threads can take. */
    static final String STACK = "-Xss512k";

    /** Why the grading process killed the JVM. */
    static final String KILLED_DEADLINE = "deadline";
    static final String KILLED_BUDGET = "budget";
    static final String KILLED_OUTPUT = "output";
    static final String KILLED_STUCK = "stuck";
    static final String KILLED_IDLE = "idle";
    static final String KILLED_TAMPERED = "tampered";
    static final String KILLED_INTERRUPTED = "interrupted";

    /** What came back: the accepted events in order, how the process ended, and whether the channel lost its trust. */
    record Outcome(List<Map<String, Object>> events, Integer exitCode, String killedBecause, String stderrTail, String distrust) {
        boolean tampered() {
            return distrust != null;
        }
    }

    /** What a run needs besides its checks: the request (seed, JVM options, containment) and the lab's wall-clock deadline. */
    record Settings(GradeRequest request, OsSandbox sandbox, long budgetDeadlineNanos) {}

    private ChildRun() {}

    static Outcome run(LabDefinition lab, Path classes, Path workDir, List<String> checkIds, Settings settings) {
        Path scratch = workDir.resolve("scratch");
        LabCompiler.recreate(scratch);
        Path events = workDir.resolve("events.jsonl");
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        try {
            Files.deleteIfExists(events);
            Files.createFile(events);
            EventChannel channel = new EventChannel(events, checkIds);
            Optional<Path> archive = ClassArchive.forKit(KitClasspath.get(), lab.suite());
            List<String> java = command(lab, classes, events, scratch, settings.request(), checkIds, archive);
            Process process = new ProcessBuilder(settings.sandbox().wrap(java, layout(classes, scratch, events, settings.request(), archive)))
                    .directory(scratch.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            ChildProcesses.RUNNING.started(process);
            String killed;
            try {
                handSecret(process, channel);
                killed = supervise(process, lab, checkIds, channel, out, err, settings.budgetDeadlineNanos());
            } finally {
                ChildProcesses.RUNNING.ended(process);
            }
            channel.poll();
            Integer exit = killed == null ? process.exitValue() : null;
            // HotSpot reports a fatal OutOfMemoryError on standard output, other deaths on standard error.
            return new Outcome(channel.events(), exit, killed, tail(out) + tail(err), channel.distrust());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handSecret(Process process, EventChannel channel) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(channel.secretLine().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException deadAlready) {
            // The JVM (or the sandbox) did not start; its exit status and output say why.
        }
    }

    private static List<String> command(LabDefinition lab, Path classes, Path events, Path scratch, GradeRequest request,
            List<String> checkIds, Optional<Path> archive) {
        List<String> cmd = new ArrayList<>(jvmOptions(scratch));
        archive.ifPresent(a -> cmd.addAll(ClassArchive.options(a)));
        if (Messages.strict()) {
            // The kit's tests format the checks' messages strictly in the checks' JVMs too.
            cmd.add("-D" + Messages.STRICT_PROPERTY + "=true");
        }
        cmd.addAll(lab.jvmArgs());
        cmd.addAll(request.childJvmArgs());
        cmd.add("-cp");
        cmd.add(KitClasspath.get());
        cmd.add(ChildMain.class.getName());
        cmd.add(lab.suite().getName());
        cmd.add(classes.toString());
        cmd.add(events.toString());
        cmd.add(Long.toString(request.seed()));
        cmd.add(String.join(",", checkIds));
        return cmd;
    }

    /** The java command and the options of every forked JVM, before the lab's own. */
    static List<String> jvmOptions(Path scratch) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, STACK,
                "-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xshare:auto",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                // ArchUnit's logging API warns on every start that it has no backend: noise in a crash report.
                "-Dslf4j.internal.verbosity=ERROR",
                "-Djava.io.tmpdir=" + scratch);
    }

    /** What the sandboxed JVM sees: the JDK, the kit's class path, the lab's classes, its event log and scratch folder. */
    private static Layout layout(Path classes, Path scratch, Path events, GradeRequest request, Optional<Path> archive) {
        List<Path> readOnly = new ArrayList<>();
        readOnly.addAll(JdkFiles.of(Path.of(System.getProperty("java.home"))));
        Arrays.stream(KitClasspath.get().split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                .forEach(readOnly::add);
        readOnly.add(classes);
        archive.ifPresent(readOnly::add);
        List<Path> writable = new ArrayList<>(List.of(events));
        for (String arg : request.childJvmArgs()) {
            JavaAgent.parse(arg).ifPresent(agent -> {
                readOnly.add(agent.jar());
                agent.output().ifPresent(writable::add);
            });
        }
        return new Layout(scratch, readOnly, writable);
    }

    /** Waits for the process; returns why it was killed, or null when it ended by itself. */
    private static String supervise(Process process, LabDefinition lab, List<String> checkIds, EventChannel channel, Path out,
            Path err, long budgetDeadline) {
        long started = System.nanoTime();
        long deadline = started + (long) (STARTUP_GRACE_SECONDS + lab.totalTimeoutSeconds(checkIds)
                + CHECK_GRACE_SECONDS * Math.max(1, checkIds.size() / 4)) * 1_000_000_000L;
        String runningSeen = null;
        long since = started;
        int acceptedSeen = 0;
        try {
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                channel.poll();
                if (channel.accepted() != acceptedSeen) {
                    acceptedSeen = channel.accepted();
                    since = now;
                }
                String running = channel.running();
                runningSeen = running;
                String reason = null;
                if (channel.distrust() != null) {
                    reason = KILLED_TAMPERED;
                } else if (now - budgetDeadline > 0) {
                    reason = KILLED_BUDGET;
                } else if (now - deadline > 0) {
                    reason = KILLED_DEADLINE;
                } else if (size(out) > OUTPUT_KILL_BYTES || size(err) > OUTPUT_KILL_BYTES) {
                    reason = KILLED_OUTPUT;
                } else if (now - since > outsideOrInside(lab, running, acceptedSeen) * 1_000_000_000L) {
                    reason = running == null ? KILLED_IDLE : KILLED_STUCK;
                }
                if (reason != null) {
                    ChildProcesses.RUNNING.kill(process);
                    return reason;
                }
            }
            return null;
        } catch (InterruptedException e) {
            ChildProcesses.RUNNING.kill(process);
            Thread.currentThread().interrupt();
            return KILLED_INTERRUPTED;
        }
    }

    /** How long the JVM may go without a new event: a running check's bound plus grace, else the startup or idle grace. */
    private static long outsideOrInside(LabDefinition lab, String running, int accepted) {
        if (running != null) {
            return lab.check(running).timeoutSeconds() + CHECK_GRACE_SECONDS;
        }
        return accepted == 0 ? STARTUP_GRACE_SECONDS : IDLE_GRACE_SECONDS;
    }

    /** The check that started and has not ended among {@code events} (accepted, so in order), or null. */
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
}
