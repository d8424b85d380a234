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
 * Correct but unusual (Lab 4, correct #10 and #11): blocking client.send calls in a per-call
 * thread pool that is always shut down; fetchAll uses invokeAll with the timeout (it cancels the
 * stragglers itself, and their CancellationException means TIMED_OUT), fetchFirst uses invokeAny
 * (first success, the rest cancelled, ExecutionException when all fail).
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
        if (uris.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(uris.size());
        try {
            List<Callable<FetchResult>> tasks = new ArrayList<>();
            for (URI uri : uris) {
                tasks.add(() -> blockingFetch(uri));
            }
            List<Future<FetchResult>> futures = pool.invokeAll(tasks, nanos, TimeUnit.NANOSECONDS);
            List<FetchResult> results = new ArrayList<>();
            for (int i = 0; i < uris.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (CancellationException e) {
                    results.add(new FetchResult(uris.get(i), FetchResult.Outcome.TIMED_OUT, -1, null));
                } catch (ExecutionException e) {
                    results.add(new FetchResult(uris.get(i), FetchResult.Outcome.FAILED, -1, null));
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return uris.stream().map(u -> new FetchResult(u, FetchResult.Outcome.TIMED_OUT, -1, null)).collect(Collectors.toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private FetchResult blockingFetch(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            return toResult(uri, r, null);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new FetchResult(uri, FetchResult.Outcome.FAILED, -1, null);
        }
    }

    @Override
    public Optional<FetchResult> fetchFirst(List<URI> uris, Duration timeout) {
        Objects.requireNonNull(uris);
        long nanos = nanos(timeout);
        if (uris.isEmpty()) {
            return Optional.empty();
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Callable<FetchResult>> tasks = new ArrayList<>();
            for (URI uri : uris) {
                tasks.add(() -> {
                    FetchResult r = blockingFetch(uri);
                    if (r.outcome() != FetchResult.Outcome.OK) {
                        throw new IllegalStateException("not a success");
                    }
                    return r;
                });
            }
            return Optional.of(pool.invokeAny(tasks, nanos, TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            pool.shutdownNow();
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
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
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
