package lab.fetcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reference solution of lab 4: one {@code sendAsync} per URI, one overall deadline, and
 * {@code cancel(true)} on every request still running at the deadline. It starts no threads of
 * its own: the client's executor runs everything.
 */
public class ParallelFetcher implements Fetcher {

    private final HttpClient client;

    public ParallelFetcher(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<FetchResult> fetchAll(List<URI> uris, Duration timeout) {
        Objects.requireNonNull(uris, "uris");
        Deadline deadline = Deadline.after(timeout);
        if (uris.isEmpty()) {
            return List.of();
        }
        List<Request> requests = sendAll(uris);
        CompletableFuture<?>[] results = requests.stream().map(Request::result).toArray(CompletableFuture[]::new);
        await(CompletableFuture.allOf(results), deadline);
        List<FetchResult> out = new ArrayList<>(requests.size());
        for (Request request : requests) {
            out.add(request.finish());
        }
        return out;
    }

    @Override
    public Optional<FetchResult> fetchFirst(List<URI> uris, Duration timeout) {
        Objects.requireNonNull(uris, "uris");
        Deadline deadline = Deadline.after(timeout);
        if (uris.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<Optional<FetchResult>> first = new CompletableFuture<>();
        AtomicInteger unsuccessful = new AtomicInteger(uris.size());
        List<Request> requests = sendAll(uris);
        for (Request request : requests) {
            request.result().thenAccept(r -> {
                if (r.outcome() == FetchResult.Outcome.OK) {
                    first.complete(Optional.of(r));
                } else if (unsuccessful.decrementAndGet() == 0) {
                    first.complete(Optional.empty());
                }
            });
        }
        await(first, deadline);
        requests.forEach(Request::cancel);
        return first.getNow(Optional.empty());
    }

    private List<Request> sendAll(List<URI> uris) {
        List<Request> requests = new ArrayList<>(uris.size());
        for (URI uri : uris) {
            requests.add(send(uri));
        }
        return requests;
    }

    /** Starts one GET; a URI the client cannot send gives a request that has already failed. */
    private Request send(URI uri) {
        CompletableFuture<HttpResponse<String>> exchange;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
            exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException | NullPointerException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        return new Request(uri, exchange, exchange.handle((response, error) -> toResult(uri, response, error)));
    }

    private static FetchResult toResult(URI uri, HttpResponse<String> response, Throwable error) {
        if (error == null) {
            int status = response.statusCode();
            return status / 100 == 2
                    ? new FetchResult(uri, FetchResult.Outcome.OK, status, response.body())
                    : new FetchResult(uri, FetchResult.Outcome.FAILED, status, null);
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof CancellationException ? timedOut(uri) : new FetchResult(uri, FetchResult.Outcome.FAILED, -1, null);
    }

    private static FetchResult timedOut(URI uri) {
        return new FetchResult(uri, FetchResult.Outcome.TIMED_OUT, -1, null);
    }

    /** Waits for {@code future} until the deadline; an interrupt ends the wait early and is kept. */
    private static void await(CompletableFuture<?> future, Deadline deadline) {
        try {
            future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Timeout: the stragglers are cancelled by the caller. Execution: impossible, every
            // request's failure is already mapped to a FetchResult.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request: the client's exchange (the future to cancel) and the result mapped from it. */
    private record Request(URI uri, CompletableFuture<HttpResponse<String>> exchange, CompletableFuture<FetchResult> result) {

        /** The result if it came in time; otherwise cancels the exchange, which closes its connection. */
        FetchResult finish() {
            if (!result.isDone()) {
                cancel();
            }
            return result.getNow(timedOut(uri));
        }

        void cancel() {
            // Cancelling the mapped future would not reach the client: only the exchange's does.
            exchange.cancel(true);
        }
    }

    /** One overall deadline measured with nanoTime; a huge timeout saturates instead of overflowing. */
    private record Deadline(long start, long nanos) {

        static Deadline after(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            long nanos;
            try {
                nanos = Math.max(0, timeout.toNanos());
            } catch (ArithmeticException tooLong) {
                nanos = timeout.isNegative() ? 0 : Long.MAX_VALUE;
            }
            return new Deadline(System.nanoTime(), nanos);
        }

        long remainingNanos() {
            return Math.max(0, nanos - (System.nanoTime() - start));
        }
    }
}
