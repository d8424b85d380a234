package lab.fetcher;

import java.net.URI;

/**
 * The result of fetching one URI.
 *
 * @param uri the URI as given
 * @param outcome how the fetch ended
 * @param status the HTTP status code, or -1 when no response arrived
 * @param body the response body decoded as text when {@link Outcome#OK}, else {@code null}
 */
public record FetchResult(URI uri, Outcome outcome, int status, String body) {

    /** How a fetch ended. */
    public enum Outcome {
        /** An HTTP response with a 2xx status arrived. */
        OK,
        /** A non-2xx response, an I/O error, or a URI the client cannot send. */
        FAILED,
        /** No answer by the deadline; the request was cancelled. */
        TIMED_OUT
    }
}
