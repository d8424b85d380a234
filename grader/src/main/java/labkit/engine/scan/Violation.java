package labkit.engine.scan;

/** One use of a refused API: {@code LockCounter.java:12 uses java.lang.System.exit (ending the JVM)}. */
public record Violation(String where, String what, String reason) {
    @Override
    public String toString() {
        return where + " uses " + what + " (" + reason + ")";
    }
}
