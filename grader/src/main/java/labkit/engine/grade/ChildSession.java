package labkit.engine.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import labkit.engine.child.EventLog;
import labkit.engine.report.CheckResult;
import labkit.engine.text.Messages;

/**
 * Grades the checks of one lab in forked JVMs: when a JVM dies, is killed, or gives up on a
 * check that timed out, that check gets the verdict and the remaining checks go on in a fresh
 * JVM, so that one crash or hang costs one check's points, not the lab's.
 */
final class ChildSession {

    /**
     * The most wall time one lab's checks may take in all. A correct submission needs seconds; this
     * only bounds code that hangs in every check (say, in a static initializer).
     */
    static final int LAB_BUDGET_SECONDS = 150;

    private final LabDefinition lab;
    private final GradeRequest request;
    private final Path classes;
    private final Path work;

    ChildSession(LabDefinition lab, GradeRequest request, Path classes, Path work) {
        this.lab = lab;
        this.request = request;
        this.classes = classes;
        this.work = work;
    }

    List<CheckResult> grade(List<CheckDefinition> checks) {
        Map<String, CheckResult> verdicts = new LinkedHashMap<>();
        List<String> remaining = ids(checks);
        long started = System.nanoTime();
        while (!remaining.isEmpty()) {
            ChildRun.Outcome outcome = ChildRun.run(lab, classes, work, request.seed(), remaining, request.childJvmArgs());
            int before = verdicts.size();
            for (Map<String, Object> event : outcome.events()) {
                if (EventLog.END.equals(event.get("event")) && remaining.contains(event.get("check"))) {
                    String id = (String) event.get("check");
                    verdicts.put(id, Verdicts.fromEvent(lab.check(id), event, request));
                }
            }
            String running = ChildRun.runningCheck(outcome.events());
            if (running != null && remaining.contains(running)) {
                verdicts.put(running, Verdicts.crashed(lab.check(running), outcome, request));
            }
            remaining = remaining.stream().filter(id -> !verdicts.containsKey(id)).collect(Collectors.toList());
            if (remaining.isEmpty()) {
                break;
            }
            if (verdicts.size() == before) {
                String why = crashMessage(outcome);
                remaining.forEach(id -> verdicts.put(id, Verdicts.zero(lab.check(id), "error", why)));
                break;
            }
            if (System.nanoTime() - started > LAB_BUDGET_SECONDS * 1_000_000_000L) {
                String why = Messages.format("engine.lab.budget-spent", LAB_BUDGET_SECONDS);
                remaining.forEach(id -> verdicts.put(id, Verdicts.zero(lab.check(id), "timed_out", why)));
                break;
            }
        }
        return checks.stream().map(c -> verdicts.get(c.id())).collect(Collectors.toList());
    }

    private static List<String> ids(List<CheckDefinition> checks) {
        return new ArrayList<>(checks.stream().map(CheckDefinition::id).collect(Collectors.toList()));
    }

    private static String crashMessage(ChildRun.Outcome outcome) {
        String crash = outcome.events().stream().filter(e -> EventLog.CRASH.equals(e.get("event")))
                .map(e -> String.valueOf(e.get("message"))).findFirst().orElse(null);
        if (crash != null) {
            return Messages.format("engine.lab.suite-crashed", crash);
        }
        return Messages.format("engine.lab.jvm-failed", outcome.exitCode(), outcome.stderrTail());
    }
}
