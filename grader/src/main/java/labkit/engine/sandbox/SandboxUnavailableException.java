package labkit.engine.sandbox;

/** {@code -Dgrader.sandbox=required} on a machine where the sandbox cannot start: the whole run is an error. */
public final class SandboxUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SandboxUnavailableException(String oneLineReason) {
        super(oneLineReason);
    }
}
