package labkit.engine.child;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import labkit.engine.diag.SafeText;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Entry point of the forked JVM that runs one lab's suite against the student's classes.
 * Arguments: {@code suiteClass classesDir eventsFile seed checks}; standard input holds the
 * secret that signs the events, read (and closed) first thing, before any student class loads.
 * Ends the JVM itself, so that threads the student's code left running cannot keep it alive.
 */
public final class ChildMain {

    /** The exit status after a check timed out: its threads are left behind, so the JVM is not reused. */
    public static final int EXIT_AFTER_TIMEOUT = 86;

    /** How much of the student's standard output and error is let through, per stream. */
    static final int OUTPUT_CAP_BYTES = 64 * 1024;

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        byte[] secret = EventSignature.read(System.in);
        System.in.close();
        String suite = args[0];
        Path events = Path.of(args[2]);
        System.setOut(capped(System.out));
        System.setErr(capped(System.err));
        Map<String, String> config = new HashMap<>();
        config.put(ChildConfig.CLASSES, args[1]);
        config.put(ChildConfig.SEED, args[3]);
        config.put(ChildConfig.CHECKS, args.length > 4 ? args[4] : "");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(suite))
                .configurationParameters(config)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                // Student throwables are formatted only by SafeText, whose calls are bounded in time:
                // JUnit's pruning would call getStackTrace() on them without a limit.
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "false")
                .build();
        EventLog log = EventLog.open(events, secret);
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new CrashReporter(log));
        log.write(EventLog.DONE, Map.of());
        System.exit(0);
    }

    /** Reports failures outside any check (a suite that cannot start), which the extension never sees. */
    private static final class CrashReporter implements TestExecutionListener {
        private final EventLog log;

        CrashReporter(EventLog log) {
            this.log = log;
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                log.write(EventLog.CRASH, Map.of("message",
                        result.getThrowable().map(SafeText::describe).orElse("unknown")));
            }
        }
    }

    private static PrintStream capped(PrintStream target) {
        return new PrintStream(new OutputStream() {
            private long written;

            @Override
            public synchronized void write(int b) {
                if (written++ < OUTPUT_CAP_BYTES) {
                    target.write(b);
                }
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                long room = Math.max(0, OUTPUT_CAP_BYTES - written);
                target.write(b, off, (int) Math.min(room, len));
                written += len;
            }
        }, true, StandardCharsets.UTF_8);
    }
}
