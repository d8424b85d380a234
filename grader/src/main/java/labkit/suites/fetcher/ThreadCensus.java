package labkit.suites.fetcher;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The threads alive now that were not alive at the census, leaving out those the contract says do
 * not count: the HttpClient's own, the common pool's, the JDK's shared timer and the grader's.
 */
final class ThreadCensus {

    private static final List<String> NOT_COUNTED = List.of(
            "HttpClient-", "ForkJoinPool.commonPool-", "CompletableFutureDelayScheduler", "grader-",
            "Keep-Alive-", "process reaper", "Attach Listener", "Common-Cleaner", "InnocuousThread-");

    private final Set<Thread> before = Thread.getAllStackTraces().keySet();

    /** Names of the counted threads started since the census and still alive. */
    List<String> newSince() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(name -> NOT_COUNTED.stream().noneMatch(name::startsWith))
                .sorted()
                .collect(Collectors.toList());
    }
}
