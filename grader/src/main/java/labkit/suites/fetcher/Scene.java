package labkit.suites.fetcher;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.fetcher.FetchResult;
import lab.fetcher.Fetcher;
import labkit.api.Call;
import labkit.api.Feedback;
import labkit.api.Submission;
import labkit.api.Threads;

/**
 * One check's stage: a fresh loopback server, the grader's client, and the student's fetcher
 * built on that client. Every call into the fetcher runs in a thread of its own and is waited for
 * only so long, so that a fetcher that never returns fails the check instead of hanging it.
 */
final class Scene implements AutoCloseable {

    /** How long past its own timeout a call may take before the check gives up on it. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(6);

    final GraderClient client = new GraderClient();
    final Fetcher fetcher;
    final LoopbackServer server;

    Scene(Submission submission) {
        fetcher = submission.create(Fetcher.class, client.client());
        server = LoopbackServer.start();
    }

    /** {@code fetchAll(uris, timeout)}, checked to give one result per URI. */
    Timed<List<FetchResult>> fetchAll(List<URI> uris, Duration timeout) {
        Timed<List<FetchResult>> call = call("fetchAll", () -> fetcher.fetchAll(uris, timeout), timeout.plus(STUCK_AFTER));
        oneEach(uris, call.value());
        return call;
    }

    /** {@code results}, checked to hold one result per URI. */
    static List<FetchResult> oneEach(List<URI> uris, List<FetchResult> results) {
        if (results == null || results.size() != uris.size() || results.contains(null)) {
            throw Feedback.fail("fetcher.result-shape", uris.size(), results == null ? "null" : Results.describe(results));
        }
        return results;
    }

    /** {@code fetchFirst(uris, timeout)}, checked not to return null. */
    Timed<Optional<FetchResult>> fetchFirst(List<URI> uris, Duration timeout) {
        Timed<Optional<FetchResult>> call = call("fetchFirst", () -> fetcher.fetchFirst(uris, timeout), timeout.plus(STUCK_AFTER));
        if (call.value() == null) {
            throw Feedback.fail("fetcher.first-null");
        }
        return call;
    }

    /** Runs {@code body} in a thread named {@code grader-<method>} and waits at most {@code bound} for it. */
    static <T> Timed<T> call(String method, Callable<T> body, Duration bound) {
        Call<T> call = Call.start(method, body);
        if (!call.awaitDone(bound)) {
            throw Feedback.failure("fetcher.call-never-returned", method, bound.toMillis()).withDetails(Threads.report());
        }
        return new Timed<>(call, System.nanoTime());
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * A call that ended, and about when: {@code returnedNanos} is when the grader saw it end, at
     * most a scheduling delay after it really did.
     */
    record Timed<T>(Call<T> call, long returnedNanos) {

        /** The call's result; rethrows what the student's code threw (graded as an error). */
        T value() {
            return call.result();
        }

        long millis() {
            return call.elapsedMillis();
        }
    }
}
