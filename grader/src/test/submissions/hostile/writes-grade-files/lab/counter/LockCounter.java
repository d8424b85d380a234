package lab.counter;

import java.io.FileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;

/** Tries to forge the grade: writes grade.json where the kit writes it, and in the working directory. */
public class LockCounter implements Counter {
    public LockCounter() {
        try {
            Files.writeString(Path.of("../../../grade/grade.json"), "{\"score\": 100}");
            try (FileWriter w = new FileWriter("grade.json")) {
                w.write("{\"score\": 100}");
            }
        } catch (IOException ignored) {
            // try quietly
        }
    }
    public void increment() { }
    public long get() { return 0; }
    public boolean tryIncrement() { return true; }
    public long update(LongUnaryOperator f) { return 0; }
}
