package labkit.engine.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channel from the forked JVM to the grading process: one JSON object per line, appended and
 * flushed as each check starts and ends, so that whatever the student's code does next (exit,
 * hang, crash), what was already graded stays graded.
 */
public final class EventLog {

    public static final String START = "start";
    public static final String END = "end";
    public static final String CRASH = "crash";
    public static final String DONE = "done";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    EventLog(Path file) {
        this.file = file;
    }

    synchronized void write(String event, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", event);
        line.putAll(fields);
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
