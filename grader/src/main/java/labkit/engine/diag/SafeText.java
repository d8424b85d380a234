package labkit.engine.diag;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Formats objects that come from student code without trusting them: their {@code toString()}
 * or {@code getMessage()} may throw, never return, or be huge.
 */
public final class SafeText {

    static final int MAX_CHARS = 400;
    private static final long PATIENCE_MS = 500;

    private SafeText() {}

    /** {@code ClassName: message} plus the submission's frames, each bounded; never throws or hangs. */
    public static String describe(Throwable t) {
        if (t == null) {
            return "null";
        }
        String type = t.getClass().getName();
        String message = ask(() -> t.getMessage(), type + "'s getMessage()");
        StackTraceElement[] trace = askTrace(t);
        StringBuilder out = new StringBuilder(type);
        if (message != null) {
            out.append(": ").append(message);
        }
        StackFrames.appendSubmissionFrames(out, trace, "\n    at ");
        return out.toString();
    }

    /** {@code String.valueOf(value)}, bounded and asked in a helper thread. */
    public static String of(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return clip(String.valueOf(value));
        }
        String text = ask(value::toString, value.getClass().getName() + ".toString()");
        return text == null ? "null" : text;
    }

    /** Cuts {@code text} to a readable length and removes control characters. */
    public static String clip(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS + 20));
        for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || c == '\t' || !Character.isISOControl(c) ? c : '?');
        }
        if (text.length() > MAX_CHARS) {
            out.append("… (").append(text.length() - MAX_CHARS).append(" more characters)");
        }
        return out.toString();
    }

    private static StackTraceElement[] askTrace(Throwable t) {
        CompletableFuture<StackTraceElement[]> trace = new CompletableFuture<>();
        run(() -> trace.complete(t.getStackTrace()), trace);
        try {
            return trace.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        } catch (Exception | Error e) {
            return new StackTraceElement[0];
        }
    }

    private static String ask(java.util.function.Supplier<String> question, String what) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        run(() -> answer.complete(clip(question.get())), answer);
        try {
            return answer.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return "(" + what + " did not return within " + PATIENCE_MS + " ms)";
        } catch (java.util.concurrent.ExecutionException e) {
            return "(" + what + " threw " + e.getCause().getClass().getName() + ")";
        } catch (Exception | Error e) {
            return "(" + what + " threw " + e.getClass().getName() + ")";
        }
    }

    private static void run(Runnable body, CompletableFuture<?> result) {
        Thread helper = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "grader-safe-text");
        helper.setDaemon(true);
        helper.start();
    }
}
