package labkit.engine.grade;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import labkit.api.Check;
import labkit.api.GradedLab;
import labkit.engine.child.GradingExtension;
import labkit.engine.text.Messages;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The labs the kit grades: every class annotated {@link GradedLab} under {@link #SUITES_PACKAGE},
 * validated so that a mistake in a suite fails the kit's build with a message that names it.
 */
public final class LabCatalog {

    /** Where suites live; adding a lab is adding a suite class here. */
    public static final String SUITES_PACKAGE = "labkit.suites";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final double EPSILON = 1e-9;

    private LabCatalog() {}

    /** All labs, ordered by id. */
    public static List<LabDefinition> discover() {
        List<LabDefinition> labs = new ArrayList<>();
        for (Class<?> suite : ReflectionSupport.findAllClassesInPackage(SUITES_PACKAGE,
                c -> c.isAnnotationPresent(GradedLab.class), name -> true)) {
            labs.add(define(suite));
        }
        Set<String> ids = new HashSet<>();
        for (LabDefinition lab : labs) {
            if (!ids.add(lab.id())) {
                throw new SuiteDefinitionError(Messages.format("engine.suite.duplicate-lab", lab.id()));
            }
        }
        labs.sort(Comparator.comparing(LabDefinition::id));
        return labs;
    }

    /** Reads and validates one suite class. */
    public static LabDefinition define(Class<?> suite) {
        GradedLab lab = suite.getAnnotation(GradedLab.class);
        if (lab == null) {
            throw new SuiteDefinitionError(Messages.format("engine.suite.not-annotated", suite.getName()));
        }
        if (!ID.matcher(lab.id()).matches()) {
            throw new SuiteDefinitionError(Messages.format("engine.suite.bad-id", suite.getName(), lab.id()));
        }
        List<CheckDefinition> checks = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Method method : suite.getDeclaredMethods()) {
            Check check = method.getAnnotation(Check.class);
            if (check == null) {
                continue;
            }
            String where = suite.getSimpleName() + "." + method.getName();
            requireRunnable(method, where);
            if (!ID.matcher(check.id()).matches()) {
                throw new SuiteDefinitionError(Messages.format("engine.suite.bad-id", where, check.id()));
            }
            String id = lab.id() + "." + check.id();
            String first = seen.putIfAbsent(id, method.getName());
            if (first != null) {
                throw new SuiteDefinitionError(Messages.format("engine.suite.duplicate-check", id, suite.getName(),
                        first, method.getName()));
            }
            if (!(check.points() > 0)) {
                throw new SuiteDefinitionError(Messages.format("engine.suite.no-points", id, check.points()));
            }
            if (check.timeoutSeconds() < 1) {
                throw new SuiteDefinitionError(Messages.format("engine.suite.bad-timeout", id, check.timeoutSeconds()));
            }
            if (check.description().isBlank()) {
                throw new SuiteDefinitionError(Messages.format("engine.suite.no-description", id));
            }
            checks.add(new CheckDefinition(id, check.points(), check.category(), check.description(), check.timeoutSeconds(),
                    check.visibility()));
        }
        double sum = checks.stream().mapToDouble(CheckDefinition::points).sum();
        if (checks.isEmpty() || Math.abs(sum - lab.points()) > EPSILON) {
            throw new SuiteDefinitionError(Messages.format("engine.suite.points-mismatch", lab.id(), sum, lab.points()));
        }
        checks.sort(Comparator.comparing((CheckDefinition c) -> c.category().ordinal()).thenComparing(CheckDefinition::id));
        return new LabDefinition(lab.id(), suite, lab.contract(), lab.studentClass(), lab.points(),
                Arrays.asList(lab.jvmArgs()), List.copyOf(checks));
    }

    /**
     * JUnit silently skips a private, static or non-void test method, and one with a parameter no
     * resolver supplies fails before it starts: such a check would count toward the lab's points
     * and never run, so the suite is rejected here instead.
     */
    private static void requireRunnable(Method method, String where) {
        int modifiers = method.getModifiers();
        if (Modifier.isPrivate(modifiers)) {
            throw new SuiteDefinitionError(Messages.format("engine.suite.check-private", where));
        }
        if (Modifier.isStatic(modifiers)) {
            throw new SuiteDefinitionError(Messages.format("engine.suite.check-static", where));
        }
        if (method.getReturnType() != void.class) {
            throw new SuiteDefinitionError(Messages.format("engine.suite.check-returns", where,
                    method.getReturnType().getSimpleName()));
        }
        for (Class<?> type : method.getParameterTypes()) {
            if (!GradingExtension.suppliesParameter(type)) {
                throw new SuiteDefinitionError(Messages.format("engine.suite.check-parameter", where, type.getName()));
            }
        }
    }
}
