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
 * Correct but unusual (Lab 4, correct #11 and #14): fetchAll gives each request, in turn, only
 * the time left before one shared deadline; fetchFirst takes answers from an
 * ExecutorCompletionService in completion order and cancels the rest, then shuts its pool down.
 */
public class ParallelFetcher implements Fetcher {

    private final HttpClient client;

    public ParallelFetcher(HttpClient client) {
        this.client = client;
    }

    @Override
    public List<FetchResult> fetchAll(List<URI> uris, Duration timeout) {
        Objects.requireNonNull(uris);
        long deadline = System.nanoTime() + Math.min(nanos(timeout), Long.MAX_VALUE / 4);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (URI uri : uris) {
            sent.add(send(uri));
        }
        List<FetchResult> results = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException e) {
                // finish() cancels it if it is still running
            }
            results.add(finish(uris.get(i), sent.get(i)));
        }
        return results;
    }

    @Override
    public Optional<FetchResult> fetchFirst(List<URI> uris, Duration timeout) {
        Objects.requireNonNull(uris);
        long deadline = System.nanoTime() + Math.min(nanos(timeout), Long.MAX_VALUE / 4);
        ExecutorService pool = Executors.newCachedThreadPool();
        java.util.concurrent.CompletionService<FetchResult> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
        List<Future<FetchResult>> futures = new ArrayList<>();
        try {
            for (URI uri : uris) {
                futures.add(done.submit(() -> {
                    try {
                        return toResult(uri, client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()), null);
                    } catch (java.io.IOException | IllegalArgumentException e) {
                        return new FetchResult(uri, FetchResult.Outcome.FAILED, -1, null);
                    }
                }));
            }
            for (int left = uris.size(); left > 0; left--) {
                Future<FetchResult> next = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return Optional.empty();
                }
                try {
                    FetchResult r = next.get();
                    if (r.outcome() == FetchResult.Outcome.OK) {
                        return Optional.of(r);
                    }
                } catch (ExecutionException e) {
                    // a failure never wins
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            futures.forEach(f -> f.cancel(true));
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
