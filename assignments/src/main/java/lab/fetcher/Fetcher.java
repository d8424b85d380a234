package lab.fetcher;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Fetches many URLs at once with one overall deadline, the Java form of the lecture's
 * {@code asyncio.gather(..., return_exceptions=True)} and
 * {@code asyncio.wait(..., timeout=..., return_when=FIRST_COMPLETED)} followed by
 * {@code cancel()}.
 *
 * <p>The implementation is {@code lab.fetcher.ParallelFetcher}, with a public constructor
 * {@code (java.net.http.HttpClient client)}; it sends every request with that client and
 * does not close it. No call leaves threads or connections behind: threads a call starts
 * have ended (or been shut down) when it returns. A {@code null} list or timeout throws
 * {@link NullPointerException}; an empty list gives an empty result at once.
 */
public interface Fetcher {

    /**
     * Sends a GET for every URI concurrently and returns when all have finished or
     * {@code timeout} has elapsed since the call, whichever comes first. Requests still
     * running at the deadline are {@link FetchResult.Outcome#TIMED_OUT} and cancelled (their
     * connections closed). Never throws for one URI's failure.
     *
     * @return one result per URI, in input order, duplicates included
     */
    List<FetchResult> fetchAll(List<URI> uris, Duration timeout);

    /**
     * Returns the first {@link FetchResult.Outcome#OK} result by completion time and cancels
     * the requests still running; failures never win.
     *
     * @return the first success, or empty once every request has failed or the timeout elapsed
     */
    Optional<FetchResult> fetchFirst(List<URI> uris, Duration timeout);
}
