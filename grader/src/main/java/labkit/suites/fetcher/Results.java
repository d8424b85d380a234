package labkit.suites.fetcher;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.fetcher.FetchResult;
import labkit.api.Call;
import labkit.api.Feedback;

/** Short, safe descriptions of what the student's code returned or threw, for messages. */
final class Results {

    private static final int BODY_CHARS = 40;

    private Results() {}

    static String describe(FetchResult r) {
        if (r == null) {
            return "null";
        }
        String body = r.body() == null ? "body null" : "body \"" + clip(r.body()) + "\"";
        return r.outcome() + " " + r.status() + ", " + body;
    }

    static String describe(List<FetchResult> results) {
        return results.stream().map(Results::describe).collect(Collectors.joining("; ", "[", "]"));
    }

    static String describe(Optional<FetchResult> first) {
        return first.map(r -> "Optional.of(" + describe(r) + ")").orElse("Optional.empty()");
    }

    /** What a call did: "threw X" (the class only: a student's exception text is not trusted) or "returned ...". */
    static String ending(Call<?> call) {
        Throwable thrown = call.failure();
        if (thrown != null) {
            return Feedback.text("fetcher.call.threw", thrown.getClass().getName());
        }
        Object value = call.result();
        String shown = value instanceof Optional<?> o ? describe(o.map(FetchResult.class::cast))
                : value instanceof List<?> l ? describe(l.stream().map(FetchResult.class::cast).collect(Collectors.toList()))
                : String.valueOf(value);
        return Feedback.text("fetcher.call.returned", shown);
    }

    private static String clip(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= BODY_CHARS ? flat : flat.substring(0, BODY_CHARS) + "...";
    }
}
