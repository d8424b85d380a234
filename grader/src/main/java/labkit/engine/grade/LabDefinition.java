package labkit.engine.grade;

import java.util.List;

/** A lab as declared by its suite: known before any student code runs, so its maximum is fixed. */
public record LabDefinition(String id, Class<?> suite, Class<?> contract, String studentClass, double points,
        List<String> jvmArgs, List<CheckDefinition> checks) {

    /** The contract's package, e.g. {@code lab.counter}. */
    public String packageName() {
        return contract.getPackageName();
    }

    /** The sum of the hard bounds of {@code checkIds}, in seconds. */
    int totalTimeoutSeconds(List<String> checkIds) {
        return checks.stream().filter(c -> checkIds.contains(c.id())).mapToInt(CheckDefinition::timeoutSeconds).sum();
    }

    CheckDefinition check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
