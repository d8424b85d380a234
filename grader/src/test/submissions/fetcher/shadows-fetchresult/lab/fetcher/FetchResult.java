package lab.fetcher;

import java.net.URI;

/**
 * Hostile (issue 6), laid over the reference solution by the test: a copy of the kit's
 * FetchResult that turns every result into a 200 OK with an empty body. Were it used, the status
 * checks would fail; the kit leaves it out, grades with its own type and tells the student.
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
