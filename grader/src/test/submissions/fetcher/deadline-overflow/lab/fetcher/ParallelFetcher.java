package lab.fetcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Known bug: the deadline is computed as System.nanoTime() + timeout.toNanos(), and toNanos()
 * throws ArithmeticException for a timeout of centuries, which the contract allows.
 */
public class ParallelFetcher implements Fetcher {

    private final HttpClient client;

    public ParallelFetcher(HttpClient client) {
        this.client = client;
    }

    @Override
    public List<FetchResult> fetchAll(List<URI> uris, Duration timeout) {
        Objects.requireNonNull(uris);
        long nanos = nanos(timeout);
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (URI uri : uris) {
            sent.add(send(uri));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            // stragglers are cancelled below
        }
        List<FetchResult> results = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            results.add(finish(uris.get(i), sent.get(i)));
        }
        return results;
    }

    @Override
    public Optional<FetchResult> fetchFirst(List<URI> uris, Duration timeout) {
        Objects.requireNonNull(uris);
        long nanos = nanos(timeout);
        if (uris.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<FetchResult>> first = new CompletableFuture<>();
        AtomicInteger failures = new AtomicInteger(uris.size());
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (URI uri : uris) {
            CompletableFuture<HttpResponse<String>> f = send(uri);
            sent.add(f);
            f.handle((r, e) -> toResult(uri, r, e)).thenAccept(r -> {
                if (r.outcome() == FetchResult.Outcome.OK) {
                    first.complete(Optional.of(r));
                } else if (failures.decrementAndGet() == 0) {
                    first.complete(Optional.empty());
                }
            });
        }
        try {
            return first.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            return Optional.empty();
        } finally {
            sent.forEach(f -> f.cancel(true));
        }
    }

    private CompletableFuture<HttpResponse<String>> send(URI uri) {
        try {
            return client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static FetchResult finish(URI uri, CompletableFuture<HttpResponse<String>> f) {
        if (!f.isDone()) {
            f.cancel(true);
        }
        return f.handle((r, e) -> toResult(uri, r, e)).join();
    }

    private static long nanos(Duration timeout) {
        return Math.max(0, timeout.toNanos());
    }

    static FetchResult toResult(URI uri, HttpResponse<String> r, Throwable e) {
        if (e == null) {
            return r.statusCode() / 100 == 2
                    ? new FetchResult(uri, FetchResult.Outcome.OK, r.statusCode(), r.body())
                    : new FetchResult(uri, FetchResult.Outcome.FAILED, r.statusCode(), null);
        }
        Throwable cause = e instanceof CompletionException ? e.getCause() : e;
        return cause instanceof CancellationException
                ? new FetchResult(uri, FetchResult.Outcome.TIMED_OUT, -1, null)
                : new FetchResult(uri, FetchResult.Outcome.FAILED, -1, null);
    }
}
