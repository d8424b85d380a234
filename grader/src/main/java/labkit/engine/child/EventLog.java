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
import java.util.Optional;

/**
 * The channel from the forked JVM to the grading process: one JSON object per line, appended and
 * flushed as each check starts and ends, so that whatever the student's code does next (exit,
 * hang, crash), what was already graded stays graded. Each line carries its sequence number and
 * an {@link EventSignature} made with the run's secret, which the grading process hands over on
 * standard input before any student class loads: a line the student's code appends cannot be signed.
 */
public final class EventLog {

    public static final String START = "start";
    public static final String END = "end";
    public static final String CRASH = "crash";
    public static final String DONE = "done";
    /** The field that numbers the lines from 0, so that none can be dropped, replayed or reordered. */
    public static final String SEQ = "seq";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile EventLog opened;

    private final Path file;
    private final EventSignature signature;
    private long next;

    private EventLog(Path file, EventSignature signature) {
        this.file = file;
        this.signature = signature;
    }

    /** Opens the JVM's one log; called by {@link ChildMain} before the suite runs. */
    static EventLog open(Path file, byte[] secret) {
        EventLog log = new EventLog(file, new EventSignature(secret));
        opened = log;
        return log;
    }

    /** The JVM's log, empty when the suite runs outside a grading JVM (a kit test calling the extension). */
    static Optional<EventLog> current() {
        return Optional.ofNullable(opened);
    }

    synchronized void write(String event, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(SEQ, next);
        line.put("event", event);
        line.putAll(fields);
        try {
            String json = JSON.writeValueAsString(line);
            Files.writeString(file, signature.sign(next, json) + " " + json + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            next++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
