package labkit.suites.fetcher;

import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The HttpClient handed to the student: HTTP/1.1 (one request per connection, so the server sees
 * each request's connection close), no proxy (loopback only), and a mark on every request it
 * sends, put there by its cookie handler. A request that reaches the server without the mark
 * was sent by some other client than the one given.
 */
final class GraderClient {

    private final String mark = "labkit-client=" + UUID.randomUUID();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new Marker(mark))
            .build();

    HttpClient client() {
        return client;
    }

    /** Whether {@code exchange} was sent by this client. */
    boolean sent(Exchange exchange) {
        return exchange.cookie().contains(mark);
    }

    /** Adds the mark as a cookie to every request; stores nothing. */
    private static final class Marker extends CookieHandler {
        private final String mark;

        Marker(String mark) {
            this.mark = mark;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            return Map.of("Cookie", List.of(mark));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            // the grader's server sets no cookies
        }
    }
}
