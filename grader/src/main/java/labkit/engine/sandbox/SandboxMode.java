package labkit.engine.sandbox;

import java.util.Locale;

/**
 * How a run uses the OS sandbox, set by the instructor with {@code -Dgrader.sandbox=auto|required|off}
 * (a property of the grading process, never anything in the submission).
 */
public enum SandboxMode {
    /** Use Bubblewrap when it can start on this machine, else run on the static layer alone and say so. */
    AUTO,
    /** A run without the sandbox is an error. */
    REQUIRED,
    /** Never sandbox (a machine where the instructor knows it cannot work, or a comparison run). */
    OFF;

    public static final String PROPERTY = "grader.sandbox";

    /** The mode {@code -Dgrader.sandbox} asks for; {@link #AUTO} when unset. */
    public static SandboxMode fromSystemProperties() {
        return parse(System.getProperty(PROPERTY));
    }

    static SandboxMode parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("${")) {
            return AUTO;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + ": use auto, required or off");
        }
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
