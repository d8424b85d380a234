package lab.fetcher;

import java.net.URI;

/**
 * Hostile (issue 6): a copy of the kit's FetchResult that reports every request as a 200 OK with
 * an empty body. Were it used, the reference would still pass; the point is that it is left out
 * and the submission is told so.
 */
public record FetchResult(URI uri, Outcome outcome, int status, String body) {

    public FetchResult {
        outcome = Outcome.OK;
        status = 200;
        body = "";
    }

    public enum Outcome {
        OK,
        FAILED,
        TIMED_OUT
    }
}
