package labkit.engine.child;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import labkit.api.Check;
import labkit.api.Category;
import labkit.api.CheckFailure;
import labkit.api.GradedLab;
import labkit.api.Submission;
import labkit.engine.diag.SafeText;
import labkit.engine.text.Messages;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Turns the {@link Check} methods of a {@link GradedLab} suite into graded results: runs only the
 * selected checks, runs each under the {@link Watchdog}, hands it the {@link Submission} and a
 * seeded {@link Random}, and writes its verdict to the {@link EventLog}.
 */
public final class GradingExtension implements ExecutionCondition, InvocationInterceptor, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GradingExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("suite");
        }
        String id = checkId(context);
        return ChildConfig.from(context).selects(id)
                ? ConditionEvaluationResult.enabled(id)
                : ConditionEvaluationResult.disabled(id + " not selected");
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        String id = checkId(context);
        Check check = context.getRequiredTestMethod().getAnnotation(Check.class);
        EventLog log = EventLog.current().orElse(null);
        if (log != null) {
            log.write(EventLog.START, Map.of("check", id));
        }
        importBeforeTheClockStarts(invocationContext.getArguments());
        Watchdog.Ending ending = Watchdog.run(id, Duration.ofSeconds(check.timeoutSeconds()), invocation::proceed);
        Map<String, Object> verdict = verdict(id, check, ending);
        verdict.put("seeded", context.getStore(NS).get(id + ".seeded") != null);
        verdict.put("duration_ms", ending.durationMs());
        if (log != null) {
            log.write(EventLog.END, verdict);
            if (ending.timedOut()) {
                // The stuck thread cannot be stopped: it may spin or hold the student's locks and
                // would disturb every later check. End this JVM; the rest run in a fresh one.
                System.exit(ChildMain.EXIT_AFTER_TIMEOUT);
            }
        }
        if (ending.thrown() != null) {
            throw ending.thrown();
        }
        if (ending.timedOut()) {
            throw new AssertionError(verdict.get("message"));
        }
    }

    /**
     * ArchUnit's first import in a JVM costs seconds on a loaded machine, which is the kit's time,
     * not the student's: it is done (once per JVM) before the check's bound starts counting, so that
     * a structure rule, or a hint chosen from the student's bytecode, never races the check's clock.
     * The grading process still bounds it, from the check's start. A failure here is left for the
     * check to meet.
     */
    private static void importBeforeTheClockStarts(List<Object> arguments) {
        for (Object argument : arguments) {
            if (argument instanceof LoadedSubmission) {
                try {
                    ((LoadedSubmission) argument).classes();
                } catch (RuntimeException | LinkageError leftForTheCheck) {
                    // The check imports again and reports what went wrong in its own terms.
                }
            }
        }
    }

    static Map<String, Object> verdict(String id, Check check, Watchdog.Ending ending) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("check", id);
        Throwable thrown = ending.thrown();
        if (ending.timedOut()) {
            verdict.put("status", "timed_out");
            verdict.put("message", Messages.format("engine.check.timed-out", check.timeoutSeconds()));
            verdict.put("details", ending.stuckThreads());
        } else if (thrown == null) {
            verdict.put("status", "passed");
        } else if (thrown instanceof CheckFailure) {
            verdict.put("status", "failed");
            verdict.put("message", thrown.getMessage());
            verdict.put("details", ((CheckFailure) thrown).details());
            Category category = ((CheckFailure) thrown).category();
            if (category != null) {
                verdict.put("category", category.jsonName());
            }
        } else if (thrown instanceof AssertionError && !(thrown.getClass().getName().startsWith("lab."))) {
            verdict.put("status", "failed");
            verdict.put("message", SafeText.clip(thrown.getMessage()));
        } else if (thrown instanceof StudentContractError) {
            verdict.put("status", "error");
            verdict.put("message", thrown.getMessage());
        } else if (KitFault.isKitFault(thrown)) {
            verdict.put("status", "error");
            verdict.put("message", Messages.format("engine.check.kit-error", id, KitFault.describe(thrown)));
        } else {
            verdict.put("status", "error");
            verdict.put("message", Messages.format("engine.check.student-threw", SafeText.describe(thrown)));
        }
        return verdict;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return suppliesParameter(parameter.getParameter().getType());
    }

    /** Whether a check may declare a parameter of {@code type}: the submission and a seeded Random. */
    public static boolean suppliesParameter(Class<?> type) {
        return type == Submission.class || type == Random.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Random.class) {
            String id = checkId(context);
            context.getStore(NS).put(id + ".seeded", Boolean.TRUE);
            return new Random(mix(ChildConfig.from(context).seed, id));
        }
        GradedLab lab = lab(context);
        return new LoadedSubmission(lab.studentClass(), ChildConfig.from(context).classes);
    }

    /** One random stream per check, so that a check rerun alone with the run's seed makes the same choices. */
    static long mix(long seed, String checkId) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < checkId.length(); i++) {
            h = (h ^ checkId.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    private static GradedLab lab(ExtensionContext context) {
        return context.getRequiredTestClass().getAnnotation(GradedLab.class);
    }

    static String checkId(ExtensionContext context) {
        return lab(context).id() + "." + context.getRequiredTestMethod().getAnnotation(Check.class).id();
    }
}
