package labkit.engine.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text the student controls (exception messages, file names, the submission's name) safe in
 * every report: no line of it can become a GitHub workflow command (the runner reads a line as one
 * when it starts with {@code ::} after leading white space), a terminal escape, a Markdown heading
 * or HTML, close a code fence, or pass for the {@code Points X/Y} line classroom tools read.
 */
public final class ReportText {

    /** C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that reorder what a reader sees. */
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern COMMAND_START = Pattern.compile("(?m)^(\\s*)::");
    /** What classroom tools take for the grade: {@code Points 25/25}. */
    private static final Pattern POINTS = Pattern.compile("(?i)(points\\s*[\\d.]+)\\s*/\\s*([\\d.]+)");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private ReportText() {}

    /** {@code text} with line ends made {@code \n}, controls dropped, and nothing a tool could take for a command or a grade. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        String visible = CONTROLS.matcher(lines).replaceAll("");
        String noCommands = COMMAND_START.matcher(visible).replaceAll("$1: :");
        return POINTS.matcher(noCommands).replaceAll("$1 of $2");
    }

    /** {@code text} as a fenced Markdown code block that it cannot close: the fence is longer than any run of backticks in it. */
    public static String fenced(String text) {
        String body = clean(text);
        int longest = 0;
        Matcher run = BACKTICKS.matcher(body);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + body + "\n" + fence + "\n";
    }

    /** {@code text} on one line of Markdown (a table cell, a heading): HTML, pipes, backticks and emphasis shown as typed. */
    public static String inline(String text) {
        String one = clean(text).replace('\n', ' ').replace('\t', ' ');
        StringBuilder out = new StringBuilder(one.length() + 16);
        for (char c : one.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '|', '`', '*', '_', '[', ']', '#', '\\' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} for the console, every line after {@code prefix}: the prefix is not white space,
     * so no line of the student's text starts a line of the log.
     */
    public static String indented(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : clean(text).split("\n", -1)) {
            out.append(prefix).append(line).append('\n');
        }
        return out.toString();
    }
}
