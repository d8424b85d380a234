package labkit.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run inside the sandbox by {@link BubblewrapTests}: starts threads that never end until one is
 * refused, then writes a file twice the size limit; prints what it got.
 */
public final class ThreadBombTestCase {

    private ThreadBombTestCase() {}

    public static void main(String[] args) {
        long limit = Long.parseLong(args[0]);
        int threads = 0;
        try {
            while (threads < 100_000) {
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException ignored) {
                        // ends with the JVM
                    }
                });
                t.setDaemon(true);
                t.start();
                threads++;
            }
        } catch (Throwable refused) {
            System.out.println("threads refused after " + threads);
        }
        try {
            Files.write(Path.of("big"), new byte[(int) (2 * limit)]);
            System.out.println("file written");
        } catch (IOException refused) {
            System.out.println("file refused: " + refused.getMessage());
        }
        System.exit(0);
    }
}
