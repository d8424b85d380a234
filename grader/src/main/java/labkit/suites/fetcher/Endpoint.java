package labkit.suites.fetcher;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * What the loopback server does with a request to one path: each check programs the behaviour
 * of the student bug it looks for (a slow answer, no answer, a reset, an error status).
 */
@FunctionalInterface
interface Endpoint {

    void serve(Exchange exchange) throws IOException;

    /** Waits {@code delay} (watching for the client to give up), then answers; no charset declared means UTF-8. */
    static Endpoint answer(Duration delay, int status, String body) {
        return exchange -> {
            if (!exchange.awaitClientClose(delay)) {
                exchange.respond(status, "text/plain", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }

    /** Like {@link #answer}, with the body encoded in {@code charset} and the charset declared in Content-Type. */
    static Endpoint answer(Duration delay, int status, String body, Charset charset) {
        return exchange -> {
            if (!exchange.awaitClientClose(delay)) {
                exchange.respond(status, "text/plain; charset=" + charset.name(), body.getBytes(charset));
            }
        };
    }

    /** Never answers: holds the connection until the client closes it (or the server stops). */
    static Endpoint hang() {
        return exchange -> exchange.awaitClientClose(null);
    }

    /** Reads the request, then drops the connection with a TCP reset and no response. */
    static Endpoint reset() {
        return Exchange::reset;
    }
}
