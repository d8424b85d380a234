package lab.counter;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;

/**
 * Tries the ways out of the scratch folder a sandbox must close; get() returns one bit for each
 * that worked, so that probe.get passes only when all were stopped. It also leaves a process
 * behind that would outlive the JVM. SandboxTests fills in the @...@ placeholders.
 */
public class LockCounter implements Counter {
    interface Attempt {
        void run() throws Exception;
    }

    public long get() {
        long escaped = 0;
        escaped |= worked(() -> Files.writeString(Path.of("@OUTSIDE@"), "escaped")) ? 1 : 0;
        escaped |= worked(() -> Files.readString(Path.of("/etc/passwd"))) ? 2 : 0;
        escaped |= worked(() -> Files.readString(Path.of("@REFERENCE@"))) ? 4 : 0;
        escaped |= worked(() -> new Socket("127.0.0.1", @PORT@).close()) ? 8 : 0;
        worked(() -> new ProcessBuilder("/bin/sh", "-c", "sleep 30 # @MARKER@").start());
        return escaped;
    }

    private static boolean worked(Attempt attempt) {
        try {
            attempt.run();
            return true;
        } catch (Exception stopped) {
            return false;
        }
    }

    public void increment() { }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
