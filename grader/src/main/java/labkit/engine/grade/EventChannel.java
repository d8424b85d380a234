package labkit.engine.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import labkit.engine.child.EventLog;
import labkit.engine.child.EventSignature;

/**
 * The grading process's end of one forked JVM's event log. It reads only what was appended since
 * the last look and accepts a line only when it is signed with this run's secret, numbered next,
 * and in order: one start and one end per check, for a check that was asked for, and nothing after
 * the final marker. The first line that is not ends the channel's trust for good: the student's
 * code wrote it, and nothing it says, nor anything after it, is believed.
 */
final class EventChannel {

    /** The longest line the child writes is a verdict with a thread dump, far below this. */
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final byte[] secret = new byte[32];
    private final EventSignature signature;
    private final Set<String> asked;
    private final Set<String> started = new HashSet<>();
    private final List<Map<String, Object>> accepted = new ArrayList<>();
    private long offset;
    private String running;
    private boolean done;
    private String distrust;

    EventChannel(Path file, List<String> askedIds) {
        this.file = file;
        RANDOM.nextBytes(secret);
        this.signature = new EventSignature(secret);
        this.asked = Set.copyOf(askedIds);
    }

    /** What the child reads first on standard input. */
    String secretLine() {
        return EventSignature.encode(secret);
    }

    /** Reads and judges the lines appended since the last call; a trailing line without its newline waits. */
    synchronized void poll() {
        if (distrust != null) {
            return;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size < offset) {
                distrust("the event log shrank");
                return;
            }
            while (distrust == null && offset < size) {
                ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(size - offset, MAX_LINE_BYTES));
                in.read(chunk, offset);
                String text = new String(chunk.array(), 0, chunk.position(), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                if (end < 0) {
                    if (chunk.position() == MAX_LINE_BYTES) {
                        distrust("a line longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    return;
                }
                offset += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
                judge(text.substring(0, end));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            if (offset > 0) {
                distrust("the event log was deleted");
            }
        } catch (java.nio.channels.ClosedByInterruptException e) {
            // The grading thread was interrupted (the run is being stopped), which says nothing about
            // the log: keep the interrupt for the supervisor, and read the rest next time.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            distrust("the event log could not be read: " + e.getClass().getSimpleName());
        }
    }

    private void judge(String line) {
        int space = line.indexOf(' ');
        long seq = accepted.size();
        if (space < 0 || !signature.verifies(seq, line.substring(space + 1), line.substring(0, space))) {
            distrust("line " + seq + " is not signed by the grader");
            return;
        }
        Map<String, Object> event;
        try {
            event = JSON.readValue(line.substring(space + 1), Map.class);
        } catch (IOException e) {
            distrust("line " + seq + " is not JSON");
            return;
        }
        String order = outOfOrder(event, seq);
        if (order != null) {
            distrust(order);
            return;
        }
        accepted.add(event);
    }

    /** Why {@code event} cannot come now, or null when it can (and the state moves on). */
    private String outOfOrder(Map<String, Object> event, long seq) {
        Object kind = event.get("event");
        Object check = event.get("check");
        if (!Long.valueOf(seq).equals(((Number) event.getOrDefault(EventLog.SEQ, -1)).longValue()) || done) {
            return "line " + seq + " comes out of order";
        }
        if (EventLog.START.equals(kind) && running == null && asked.contains(check) && started.add((String) check)) {
            running = (String) check;
        } else if (EventLog.END.equals(kind) && running != null && running.equals(check)) {
            running = null;
        } else if (EventLog.DONE.equals(kind) && running == null) {
            done = true;
        } else if (!(EventLog.CRASH.equals(kind) && running == null)) {
            return "line " + seq + " (" + kind + " " + check + ") comes out of order";
        }
        return null;
    }

    private void distrust(String why) {
        distrust = why;
    }

    synchronized List<Map<String, Object>> events() {
        return List.copyOf(accepted);
    }

    /** The check that started and has not ended, or null. */
    synchronized String running() {
        return running;
    }

    synchronized int accepted() {
        return accepted.size();
    }

    /** Why the channel is no longer trusted (for the kit's own logs and tests), or null while it is. */
    synchronized String distrust() {
        return distrust;
    }
}
