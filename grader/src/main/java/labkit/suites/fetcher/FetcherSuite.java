package labkit.suites.fetcher;

import static labkit.suites.fetcher.Endpoint.answer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import lab.fetcher.FetchResult;
import lab.fetcher.FetchResult.Outcome;
import lab.fetcher.Fetcher;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.Feedback;
import labkit.api.GradedLab;
import labkit.api.Structure;
import labkit.api.Submission;
import labkit.api.Threads;

/**
 * Lab 4, fetch many URLs at once with one deadline. Every check runs the student's fetcher
 * against a loopback server programmed for one student bug (T5, T6 of the mistake catalog): the
 * server, not a clock in the student's JVM, tells whether requests were really open at once and
 * whether they were really cancelled. Server delays keep well away from deadlines (at least
 * 1 s either side where a verdict depends on it), since an answer arriving right at the deadline
 * may go either way.
 *
 * <p>The JVM is pinned to 4 processors (T7) and its common pool kept at its parallelism of 3
 * ({@link CommonPoolCap}: on JDK 17 a thread blocked in {@code client.send} inside the pool would
 * otherwise get a spare thread added): then {@code supplyAsync} without an executor, and a
 * parallel stream, run at most 3 or 4 requests at once, and the barrier of 8 catches them.
 */
@GradedLab(id = "fetcher", contract = Fetcher.class, studentClass = "lab.fetcher.ParallelFetcher", points = 25,
        jvmArgs = {"-XX:ActiveProcessorCount=4", "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=labkit.suites.fetcher.CommonPoolCap"})
class FetcherSuite {

    /** Requests the barrier waits for: more than a common pool of 4 processors runs at once. */
    static final int PARTIES = 8;
    /** How long the barrier waits for all of them; a correct fetcher opens 8 connections in far less. */
    static final Duration BARRIER_BOUND = Duration.ofSeconds(5);
    /** The timeout of checks where some servers never answer. */
    static final Duration DEADLINE = Duration.ofMillis(1500);
    /** How late after its deadline a call may return, for a loaded 2-core machine. */
    static final Duration LATE = Duration.ofMillis(1500);
    /** How soon after a call returned the server must see the connections it abandoned closed. */
    static final Duration CLOSE_WITHIN = Duration.ofMillis(1500);
    /** A timeout nothing in these checks comes near. */
    static final Duration GENEROUS = Duration.ofSeconds(10);
    static final Duration QUICK = Duration.ofMillis(100);

    @Check(id = "concurrent", points = 3, category = Category.TIMING, timeoutSeconds = 30,
            description = "fetchAll sends all requests at once: the server answers none of 8 until all 8 are open together")
    void concurrent(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            Barrier barrier = new Barrier(PARTIES, BARRIER_BOUND);
            URI together = scene.server.add("together", barrier);
            List<URI> uris = IntStream.range(0, PARTIES).mapToObj(i -> URI.create(together + "?i=" + i)).collect(Collectors.toList());
            List<FetchResult> results = scene.fetchAll(uris, GENEROUS).value();
            // Judged by what the server saw, not by the results: wrong results are other checks' business.
            if (barrier.mostAtOnce() < PARTIES) {
                long ok = results.stream().filter(r -> r.outcome() == Outcome.OK).count();
                throw Feedback.fail("fetcher.concurrent.serial", PARTIES, barrier.mostAtOnce(), BARRIER_BOUND.toSeconds(), ok);
            }
        }
    }

    @Check(id = "one-deadline", points = 2, category = Category.TIMING,
            description = "fetchAll has one deadline for the whole call, not one per request")
    void oneDeadline(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            List<URI> uris = List.of(scene.server.add("fast", answer(QUICK, 200, "fast")),
                    scene.server.add("silent-1", Endpoint.hang()), scene.server.add("silent-2", Endpoint.hang()),
                    scene.server.add("silent-3", Endpoint.hang()));
            long took = scene.fetchAll(uris, DEADLINE).millis();
            if (took > DEADLINE.plus(LATE).toMillis()) {
                throw Feedback.fail("fetcher.one-deadline.late", took, DEADLINE.toMillis(), LATE.toMillis());
            }
        }
    }

    @Check(id = "input-order", points = 2, category = Category.CORRECTNESS, timeoutSeconds = 40,
            description = "fetchAll returns one result per URI in input order, duplicates included, whatever the order of the answers")
    void inputOrder(Submission submission) {
        int n = 5;
        try (Scene scene = new Scene(submission)) {
            List<URI> uris = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // later URIs answer sooner, 150 ms apart: completion order is the reverse of input order
                uris.add(scene.server.add("item-" + i, answer(Duration.ofMillis(50 + 150L * (n - 1 - i)), 200, "item " + i)));
            }
            uris.add(uris.get(1));
            for (int round = 0; round < 2; round++) {
                List<FetchResult> results = scene.fetchAll(uris, GENEROUS).value();
                for (int i = 0; i < uris.size(); i++) {
                    FetchResult r = results.get(i);
                    String body = "item " + (i == n ? 1 : i);
                    if (!uris.get(i).equals(r.uri()) || r.outcome() != Outcome.OK || !body.equals(r.body())) {
                        throw Feedback.fail("fetcher.input-order.wrong", i, uris.get(i), body, Results.describe(r),
                                r.uri());
                    }
                }
            }
        }
    }

    @Check(id = "ok-bodies", points = 2, category = Category.CORRECTNESS,
            description = "a 2xx answer is OK with its status and its body, decoded as declared (UTF-8 when nothing is declared)")
    void okBodies(Submission submission) {
        String utf8 = "Grüße aus Zürich, 東京 ✓";
        String latin1 = "café crème, à la carte";
        try (Scene scene = new Scene(submission)) {
            List<URI> uris = List.of(scene.server.add("utf-8", answer(QUICK, 200, utf8)),
                    scene.server.add("latin-1", answer(QUICK, 203, latin1, StandardCharsets.ISO_8859_1)));
            List<FetchResult> results = scene.fetchAll(uris, GENEROUS).value();
            expectOk(results.get(0), uris.get(0), 200, utf8, Feedback.text("fetcher.ok-bodies.no-charset"));
            expectOk(results.get(1), uris.get(1), 203, latin1, Feedback.text("fetcher.ok-bodies.latin-1"));
        }
    }

    @Check(id = "failures-reported", points = 2, category = Category.CORRECTNESS,
            description = "a non-2xx answer is FAILED with its status; a reset connection or an unsendable URI is FAILED with -1")
    void failuresReported(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            List<Expected> cases = List.of(
                    new Expected(scene.server.add("missing", answer(QUICK, 404, "no such page")), "fetcher.server.404", 404),
                    new Expected(scene.server.add("broken", answer(QUICK, 500, "it broke")), "fetcher.server.500", 500),
                    new Expected(scene.server.add("reset", Endpoint.reset()), "fetcher.server.reset", -1),
                    new Expected(URI.create("ftp://127.0.0.1/file"), "fetcher.server.ftp", -1),
                    new Expected(URI.create("http:///no-host"), "fetcher.server.no-host", -1));
            List<FetchResult> results = scene.fetchAll(cases.stream().map(Expected::uri).collect(Collectors.toList()), GENEROUS).value();
            for (int i = 0; i < cases.size(); i++) {
                Expected expected = cases.get(i);
                FetchResult r = results.get(i);
                if (r.outcome() != Outcome.FAILED || r.status() != expected.status() || r.body() != null) {
                    throw Feedback.fail("fetcher.failures-reported.wrong", expected.uri(), Feedback.text(expected.what()),
                            expected.status(), Results.describe(r));
                }
            }
        }
    }

    @Check(id = "timed-out-reported", points = 1, category = Category.CORRECTNESS,
            description = "a request without an answer by the deadline is TIMED_OUT, and the others keep their results")
    void timedOutReported(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            List<URI> uris = List.of(scene.server.add("fast", answer(QUICK, 200, "fast")), scene.server.add("silent", Endpoint.hang()));
            List<FetchResult> results = scene.fetchAll(uris, DEADLINE).value();
            FetchResult silent = results.get(1);
            if (silent.outcome() != Outcome.TIMED_OUT || silent.status() != -1 || silent.body() != null) {
                throw Feedback.fail("fetcher.timed-out-reported.wrong", DEADLINE.toMillis(), Results.describe(silent));
            }
            expectOk(results.get(0), uris.get(0), 200, "fast", Feedback.text("fetcher.timed-out-reported.fast"));
        }
    }

    @Check(id = "failure-isolated", points = 1, category = Category.CORRECTNESS,
            description = "fetchAll never throws for one URI's failure, and failures do not spoil the other results")
    void failureIsolated(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            List<URI> uris = List.of(scene.server.add("first", answer(QUICK, 200, "first")),
                    scene.server.add("reset", Endpoint.reset()),
                    scene.server.add("second", answer(Duration.ofMillis(300), 200, "second")),
                    URI.create("ftp://127.0.0.1/file"),
                    scene.server.add("broken", answer(QUICK, 500, "it broke")),
                    scene.server.add("third", answer(QUICK, 200, "third")));
            Scene.Timed<List<FetchResult>> call = Scene.call("fetchAll", () -> scene.fetcher.fetchAll(uris, GENEROUS),
                    GENEROUS.plus(Scene.STUCK_AFTER));
            if (call.call().failure() != null) {
                throw Feedback.fail("fetcher.failure-isolated.threw", call.call().failure().getClass().getName());
            }
            List<FetchResult> results = Scene.oneEach(uris, call.value());
            String why = Feedback.text("fetcher.failure-isolated.spoiled");
            expectOk(results.get(0), uris.get(0), 200, "first", why);
            expectOk(results.get(2), uris.get(2), 200, "second", why);
            expectOk(results.get(5), uris.get(5), 200, "third", why);
        }
    }

    @Check(id = "cancels-at-deadline", points = 3, category = Category.TIMING,
            description = "requests still running at the deadline are cancelled: the server sees their connections closed")
    void cancelsAtDeadline(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            List<String> silent = List.of("silent-1", "silent-2", "silent-3");
            List<URI> uris = new ArrayList<>(List.of(scene.server.add("fast", answer(QUICK, 200, "fast"))));
            silent.forEach(name -> uris.add(scene.server.add(name, Endpoint.hang())));
            Scene.Timed<List<FetchResult>> call = scene.fetchAll(uris, DEADLINE);
            Abandoned abandoned = Abandoned.await(scene.server, silent, call.returnedNanos());
            if (abandoned.sent() == 0) {
                throw Feedback.fail("fetcher.cancels-at-deadline.not-sent", silent.size());
            }
            if (abandoned.stillOpen() > 0) {
                throw Feedback.fail("fetcher.cancels-at-deadline.still-open", abandoned.stillOpen(), abandoned.sent(),
                        CLOSE_WITHIN.toMillis());
            }
        }
    }

    @Check(id = "first-success", points = 2, category = Category.CORRECTNESS,
            description = "fetchFirst returns the first success by completion time; faster failures and list position do not count")
    void firstSuccess(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            Race race = Race.on(scene.server);
            Optional<FetchResult> first = scene.fetchFirst(race.uris(), GENEROUS).value();
            if (first.isEmpty()) {
                throw Feedback.fail("fetcher.first-success.empty", race.winner(), GENEROUS.toSeconds());
            }
            FetchResult r = first.get();
            if (!race.winner().equals(r.uri()) || r.outcome() != Outcome.OK || r.status() != 200 || !Race.WINNER.equals(r.body())) {
                throw Feedback.fail("fetcher.first-success.wrong", race.winner(), Results.describe(first), race.uris().get(0), r.uri(),
                        firstSuccessHint(submission));
            }
        }
    }

    /** Whether fetchFirst's code, helpers and lambdas included, calls CompletableFuture.anyOf. */
    private static boolean callsAnyOf(Submission submission) {
        return Structure.callsReachableFrom(submission.classes(), "fetchFirst").stream()
                .anyMatch(c -> c.name().equals("anyOf") && c.owner().equals("java.util.concurrent.CompletableFuture"));
    }

    /**
     * The usual cause, anyOf completing with the first request to finish, is named only when
     * fetchFirst's code calls it; otherwise the hint points at what any design must do. (The
     * classes were imported before the check's clock started, so reading them here costs nothing.)
     */
    private static String firstSuccessHint(Submission submission) {
        return Feedback.text(callsAnyOf(submission) ? "fetcher.first-success.hint.any-of" : "fetcher.first-success.hint.skip-failures");
    }

    @Check(id = "first-cancels-rest", points = 2, category = Category.TIMING,
            description = "once fetchFirst has its winner, it cancels the requests still running: the server sees them closed")
    void firstCancelsRest(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            Race race = Race.on(scene.server);
            Scene.Timed<Optional<FetchResult>> call = scene.fetchFirst(race.uris(), GENEROUS);
            Abandoned abandoned = Abandoned.await(scene.server, Race.STILL_RUNNING, call.returnedNanos());
            if (abandoned.sent() == 0) {
                throw Feedback.fail("fetcher.first-cancels-rest.not-sent");
            }
            if (abandoned.stillOpen() > 0) {
                throw Feedback.fail("fetcher.first-cancels-rest.still-open", abandoned.stillOpen(), abandoned.sent(),
                        CLOSE_WITHIN.toMillis(), call.millis());
            }
        }
    }

    @Check(id = "first-empty", points = 1, category = Category.CORRECTNESS, timeoutSeconds = 40,
            description = "fetchFirst returns Optional.empty() as soon as every request has failed, or at the deadline")
    void firstEmpty(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            List<URI> failing = List.of(scene.server.add("missing", answer(QUICK, 404, "no such page")),
                    scene.server.add("reset", Endpoint.reset()), URI.create("ftp://127.0.0.1/file"));
            Scene.Timed<Optional<FetchResult>> allFail = scene.fetchFirst(failing, GENEROUS);
            if (allFail.value().isPresent()) {
                throw Feedback.fail("fetcher.first-empty.not-empty", Results.describe(allFail.value()));
            }
            if (allFail.millis() > LATE.toMillis()) {
                throw Feedback.fail("fetcher.first-empty.waited", allFail.millis(), GENEROUS.toSeconds(), LATE.toMillis());
            }
            List<URI> noSuccess = List.of(scene.server.add("broken", answer(QUICK, 500, "it broke")),
                    scene.server.add("silent", Endpoint.hang()));
            Scene.Timed<Optional<FetchResult>> timedOut = scene.fetchFirst(noSuccess, DEADLINE);
            if (timedOut.value().isPresent() || timedOut.millis() > DEADLINE.plus(LATE).toMillis()) {
                throw Feedback.fail("fetcher.first-empty.deadline", DEADLINE.toMillis(), timedOut.millis(),
                        Results.describe(timedOut.value()), LATE.toMillis());
            }
        }
    }

    @Check(id = "no-thread-leak", points = 1, category = Category.CORRECTNESS,
            description = "20 calls leave no threads behind: whatever a call starts has ended or been shut down when it returns")
    void noThreadLeak(Submission submission) {
        int rounds = 10;
        try (Scene scene = new Scene(submission)) {
            List<URI> uris = List.of(scene.server.add("one", answer(Duration.ZERO, 200, "one")),
                    scene.server.add("two", answer(QUICK, 200, "two")), scene.server.add("missing", answer(Duration.ZERO, 404, "")));
            ThreadCensus census = new ThreadCensus();
            for (int i = 0; i < rounds; i++) {
                scene.fetchAll(uris, GENEROUS).value();
                scene.fetchFirst(uris, GENEROUS).value();
            }
            // Shut-down pools end their threads just after the call returns: give them a moment.
            long settleUntil = System.nanoTime() + SETTLE.toNanos();
            List<String> left = census.newSince();
            while (!left.isEmpty() && System.nanoTime() < settleUntil) {
                Threads.sleep(50);
                left = census.newSince();
            }
            if (!left.isEmpty()) {
                throw Feedback.failure("fetcher.no-thread-leak.left", left.size(), 2 * rounds, SETTLE.toMillis())
                        .withDetails(String.join("\n", left.subList(0, Math.min(left.size(), SHOWN_THREADS)))
                                + (left.size() > SHOWN_THREADS ? "\n..." : ""));
            }
        }
    }

    /** How long threads a fetcher shut down may take to end after the last call returned. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** How many of the leftover threads' names the details list. */
    static final int SHOWN_THREADS = 10;

    @Check(id = "uses-given-client", points = 1, category = Category.STRUCTURE,
            description = "every request is sent with the HttpClient given to the constructor")
    void usesGivenClient(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            scene.fetchAll(List.of(scene.server.add("one", answer(QUICK, 200, "one")),
                    scene.server.add("two", answer(QUICK, 200, "two"))), GENEROUS).value();
            scene.fetchFirst(List.of(scene.server.add("three", answer(QUICK, 200, "three"))), GENEROUS).value();
            List<Exchange> seen = scene.server.exchanges();
            long foreign = seen.stream().filter(e -> !scene.client.sent(e)).count();
            if (seen.isEmpty() || foreign > 0) {
                throw Feedback.fail("fetcher.uses-given-client.other-client", foreign, seen.size());
            }
        }
    }

    @Check(id = "empty-and-null", points = 1, category = Category.CORRECTNESS, timeoutSeconds = 75,
            description = "an empty list gives an empty result at once; a null list or timeout throws NullPointerException")
    void emptyAndNull(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            Fetcher fetcher = scene.fetcher;
            URI one = scene.server.add("one", answer(QUICK, 200, "one"));
            expectAtOnce("fetchAll(List.of(), 10 s)", List.of(), () -> fetcher.fetchAll(List.of(), GENEROUS));
            expectAtOnce("fetchFirst(List.of(), 10 s)", Optional.empty(), () -> fetcher.fetchFirst(List.of(), GENEROUS));
            expectNpe("fetchAll(null, 10 s)", () -> fetcher.fetchAll(null, GENEROUS));
            expectNpe("fetchFirst(null, 10 s)", () -> fetcher.fetchFirst(null, GENEROUS));
            expectNpe("fetchAll(List.of(uri), null)", () -> fetcher.fetchAll(List.of(one), null));
            expectNpe("fetchFirst(List.of(uri), null)", () -> fetcher.fetchFirst(List.of(one), null));
        }
    }

    @Check(id = "timeout-extremes", points = 1, category = Category.TIMING, timeoutSeconds = 60,
            description = "a zero or negative timeout does not wait (unanswered requests are TIMED_OUT); a timeout of 1000 years works")
    void timeoutExtremes(Submission submission) {
        try (Scene scene = new Scene(submission)) {
            URI silent = scene.server.add("silent", Endpoint.hang());
            URI slow = scene.server.add("slow", answer(Duration.ofSeconds(3), 200, "slow"));
            for (Duration none : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
                Scene.Timed<List<FetchResult>> all = scene.fetchAll(List.of(silent, slow), none);
                if (all.millis() > LATE.toMillis() || all.value().stream().anyMatch(r -> r.outcome() != Outcome.TIMED_OUT)) {
                    throw Feedback.fail("fetcher.timeout-extremes.no-wait", "fetchAll", none, all.millis(),
                            Results.describe(all.value()), LATE.toMillis());
                }
                Scene.Timed<Optional<FetchResult>> first = scene.fetchFirst(List.of(silent, slow), none);
                if (first.millis() > LATE.toMillis() || first.value().isPresent()) {
                    throw Feedback.fail("fetcher.timeout-extremes.no-wait", "fetchFirst", none, first.millis(),
                            Results.describe(first.value()), LATE.toMillis());
                }
            }
            URI ok = scene.server.add("ok", answer(QUICK, 200, "ok"));
            Duration forever = ChronoUnit.MILLENNIA.getDuration();
            Scene.Timed<List<FetchResult>> all = Scene.call("fetchAll", () -> scene.fetcher.fetchAll(List.of(ok), forever), GENEROUS);
            if (all.call().failure() != null || all.value() == null || all.value().size() != 1 || all.value().get(0).outcome() != Outcome.OK) {
                throw Feedback.fail("fetcher.timeout-extremes.huge", "fetchAll", Results.ending(all.call()));
            }
            Scene.Timed<Optional<FetchResult>> first = Scene.call("fetchFirst", () -> scene.fetcher.fetchFirst(List.of(ok), forever), GENEROUS);
            if (first.call().failure() != null || first.value() == null || first.value().isEmpty()) {
                throw Feedback.fail("fetcher.timeout-extremes.huge", "fetchFirst", Results.ending(first.call()));
            }
        }
    }

    // ---- helpers that read like the scenarios above ----

    /** One URI of a scenario, what its server does (a message key) and the status its result must have. */
    private record Expected(URI uri, String what, int status) {}

    private static void expectOk(FetchResult r, URI uri, int status, String body, String why) {
        if (!uri.equals(r.uri()) || r.outcome() != Outcome.OK || r.status() != status || !body.equals(r.body())) {
            throw Feedback.fail("fetcher.expected-ok", uri, status, body, Results.describe(r), why);
        }
    }

    private static <T> void expectAtOnce(String what, T expected, Callable<T> body) {
        Scene.Timed<T> call = Scene.call(what, body, GENEROUS.plus(Scene.STUCK_AFTER));
        if (call.call().failure() != null || !expected.equals(call.value())) {
            throw Feedback.fail("fetcher.empty-and-null.empty", what, Results.ending(call.call()));
        }
        if (call.millis() > AT_ONCE.toMillis()) {
            throw Feedback.fail("fetcher.empty-and-null.waited", what, call.millis());
        }
    }

    private static void expectNpe(String what, Callable<?> body) {
        Scene.Timed<?> call = Scene.call(what, body, Scene.STUCK_AFTER);
        if (!(call.call().failure() instanceof NullPointerException)) {
            throw Feedback.fail("fetcher.empty-and-null.no-npe", what, Results.ending(call.call()));
        }
    }

    /** What "at once" means for an empty list: nothing to wait for, so only scheduling delays. */
    static final Duration AT_ONCE = Duration.ofSeconds(1);

    /**
     * The fetchFirst race: the first in the list answers last, failures come first, one server
     * never answers; the winner is the fourth URI, a 200 after 400 ms.
     */
    private record Race(List<URI> uris, URI winner) {
        static final String WINNER = "the winner";
        /** The endpoints whose requests are still running when the winner has answered. */
        static final List<String> STILL_RUNNING = List.of("late", "silent");

        static Race on(LoopbackServer server) {
            URI winner = server.add("winner", answer(Duration.ofMillis(400), 200, WINNER));
            List<URI> uris = List.of(server.add("late", answer(Duration.ofSeconds(5), 200, "too late")),
                    server.add("broken", answer(Duration.ofMillis(50), 500, "it broke")),
                    server.add("reset", Endpoint.reset()), winner, server.add("silent", Endpoint.hang()));
            return new Race(uris, winner);
        }
    }

    /**
     * The requests a call left running when it returned, watched for {@link #CLOSE_WITHIN} after:
     * how many reached the server, and how many the client had not closed by then (a request the
     * server got to answer was not cancelled either).
     */
    private record Abandoned(int sent, int stillOpen) {
        static Abandoned await(LoopbackServer server, List<String> names, long returnedNanos) {
            long until = returnedNanos + CLOSE_WITHIN.toNanos();
            while (true) {
                List<Exchange> exchanges = names.stream().flatMap(n -> server.exchanges(n).stream()).collect(Collectors.toList());
                long open = exchanges.stream().filter(e -> e.clientClosedNanos() == 0 || e.clientClosedNanos() - until > 0).count();
                if (open == 0 || System.nanoTime() - until > 0) {
                    return new Abandoned(exchanges.size(), (int) open);
                }
                Threads.sleep(20);
            }
        }
    }
}
