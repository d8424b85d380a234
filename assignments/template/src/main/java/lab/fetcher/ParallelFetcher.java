package lab.fetcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Lab 4: fetch many URLs at once with one overall deadline. Read {@code handouts/fetcher.md},
 * then replace each TODO. Run {@code mvn test} to see your grade.
 */
public class ParallelFetcher implements Fetcher {

    private final HttpClient client;

    /** Every request is sent with {@code client}; never close it, it belongs to the caller. */
    public ParallelFetcher(HttpClient client) {
        this.client = client;
    }

    @Override
    public List<FetchResult> fetchAll(List<URI> uris, Duration timeout) {
        throw new UnsupportedOperationException("TODO: fetchAll(uris, timeout) is not written yet (see handouts/fetcher.md)");
    }

    @Override
    public Optional<FetchResult> fetchFirst(List<URI> uris, Duration timeout) {
        throw new UnsupportedOperationException("TODO: fetchFirst(uris, timeout) is not written yet (see handouts/fetcher.md)");
    }
}
