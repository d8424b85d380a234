package labkit.suites.fetcher;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One connection to the loopback server and the single request it carries (every answer says
 * {@code Connection: close}, so the client never reuses a connection and a connection's fate is
 * the request's fate). Records what a check wants to see: when it was accepted, which path it
 * asked for, whether it carried the grader's client mark, and when the client closed it.
 */
final class Exchange {

    /** The longest a request head may take to arrive; a client that sends nothing is not waited for. */
    private static final int HEAD_TIMEOUT_MS = 10_000;
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    /** How often a waiting connection looks at whether the server is stopping. */
    private static final int POLL_MS = 100;

    private final Socket socket;
    private final LoopbackServer server;
    private final long acceptedNanos = System.nanoTime();
    private volatile String path = "";
    private volatile String cookie = "";
    private volatile long clientClosedNanos;
    private volatile long answeredNanos;
    private InputStream in;

    Exchange(Socket socket, LoopbackServer server) {
        this.socket = socket;
        this.server = server;
    }

    String path() {
        return path;
    }

    String cookie() {
        return cookie;
    }

    long acceptedNanos() {
        return acceptedNanos;
    }

    /** When the client closed the connection before any answer; 0 while it has not. */
    long clientClosedNanos() {
        return clientClosedNanos;
    }

    boolean answered() {
        return answeredNanos != 0;
    }

    /** Reads the request head; false when none arrived (the client went away or sent garbage). */
    boolean readRequest() throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        socket.setSoTimeout(HEAD_TIMEOUT_MS);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() >= MAX_HEAD_BYTES) {
                return false;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length < 2) {
            return false;
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("cookie:")) {
                cookie = line.substring("cookie:".length()).trim();
            }
        }
        path = query < 0 ? target : target.substring(0, query);
        return true;
    }

    /**
     * Waits {@code time} (null: until the server stops) while watching the connection; true as
     * soon as the client closes it (end of stream or a reset), false when the time is up.
     */
    boolean awaitClientClose(Duration time) {
        long end = time == null ? Long.MAX_VALUE : System.nanoTime() + time.toNanos();
        while (!server.stopping()) {
            long left = time == null ? POLL_MS : (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            try {
                socket.setSoTimeout((int) Math.min(left, POLL_MS));
                if (in.read() < 0) {
                    return closedByClient();
                }
            } catch (SocketTimeoutException stillOpen) {
                // the client is still waiting: look again
            } catch (IOException reset) {
                return server.stopping() || closedByClient();
            }
        }
        return false;
    }

    private boolean closedByClient() {
        clientClosedNanos = System.nanoTime();
        return true;
    }

    void respond(int status, String contentType, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        answeredNanos = System.nanoTime();
    }

    /** Drops the connection with a TCP reset (linger 0) instead of an answer. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
