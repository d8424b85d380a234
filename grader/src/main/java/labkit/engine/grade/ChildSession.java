package labkit.engine.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import labkit.engine.child.EventLog;
import labkit.engine.report.CheckResult;
import labkit.engine.sandbox.OsSandbox;
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

    private final int budgetSeconds;
    private final LabDefinition lab;
    private final GradeRequest request;
    private final Path classes;
    private final Path work;

    ChildSession(LabDefinition lab, GradeRequest request, Path classes, Path work) {
        this(lab, request, classes, work, LAB_BUDGET_SECONDS);
    }

    /** A session with another budget: the kit's own test of the budget, which cannot wait 150 s. */
    ChildSession(LabDefinition lab, GradeRequest request, Path classes, Path work, int budgetSeconds) {
        this.budgetSeconds = budgetSeconds;
        this.lab = lab;
        this.request = request;
        this.classes = classes;
        this.work = work;
    }

    List<CheckResult> grade(List<CheckDefinition> checks) {
        Map<String, CheckResult> verdicts = new LinkedHashMap<>();
        List<String> remaining = ids(checks);
        // The budget is a wall-clock cap: each JVM's deadline is what is left of it, not only a test between JVMs.
        ChildRun.Settings settings = new ChildRun.Settings(request, OsSandbox.forRun(request.sandbox()),
                System.nanoTime() + budgetSeconds * 1_000_000_000L);
        while (!remaining.isEmpty()) {
            ChildRun.Outcome outcome = ChildRun.run(lab, classes, work, remaining, settings);
            int before = verdicts.size();
            for (Map<String, Object> event : outcome.events()) {
                if (EventLog.END.equals(event.get("event")) && remaining.contains(event.get("check"))) {
                    String id = (String) event.get("check");
                    verdicts.put(id, Verdicts.fromEvent(lab.check(id), event, request));
                }
            }
            String running = ChildRun.runningCheck(outcome.events());
            if (running != null && remaining.contains(running) && !outcome.tampered()) {
                verdicts.put(running, Verdicts.crashed(lab.check(running), outcome, request, budgetSeconds));
            }
            remaining = remaining.stream().filter(id -> !verdicts.containsKey(id)).collect(Collectors.toList());
            if (remaining.isEmpty()) {
                break;
            }
            Verdict rest = endOfSession(outcome, verdicts.size() == before, settings.budgetDeadlineNanos(), budgetSeconds);
            if (rest != null) {
                remaining.forEach(id -> verdicts.put(id, Verdicts.zero(lab.check(id), rest.status(), rest.message())));
                break;
            }
        }
        return checks.stream().map(c -> verdicts.get(c.id())).collect(Collectors.toList());
    }

    /**
     * Why the checks still to run get no fresh JVM, or null when they do: the channel was tampered
     * with (nothing more from this code is believed), the lab's budget is spent, or the JVM made no
     * progress at all.
     */
    private static Verdict endOfSession(ChildRun.Outcome outcome, boolean noProgress, long budgetDeadline, int budgetSeconds) {
        if (outcome.tampered()) {
            return new Verdict("error", Messages.format("engine.check.channel-tampered"));
        }
        if (ChildRun.KILLED_BUDGET.equals(outcome.killedBecause()) || System.nanoTime() - budgetDeadline > 0) {
            return new Verdict("timed_out", Messages.format("engine.lab.budget-spent", budgetSeconds));
        }
        return noProgress ? new Verdict("error", crashMessage(outcome)) : null;
    }

    /** The status and message every check still to run gets when the session ends early. */
    private record Verdict(String status, String message) {}

    private static List<String> ids(List<CheckDefinition> checks) {
        return new ArrayList<>(checks.stream().map(CheckDefinition::id).collect(Collectors.toList()));
    }

    private static String crashMessage(ChildRun.Outcome outcome) {
        if (ChildRun.KILLED_IDLE.equals(outcome.killedBecause())) {
            return Messages.format("engine.lab.jvm-idle", ChildRun.IDLE_GRACE_SECONDS);
        }
        String crash = outcome.events().stream().filter(e -> EventLog.CRASH.equals(e.get("event")))
                .map(e -> String.valueOf(e.get("message"))).findFirst().orElse(null);
        if (crash != null) {
            return Messages.format("engine.lab.suite-crashed", crash);
        }
        return Messages.format("engine.lab.jvm-failed", outcome.exitCode(), outcome.stderrTail());
    }
}
