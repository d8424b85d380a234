package labkit.engine.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of the student's code a check's verdict points at, for annotations on the source.
 *
 * @param file the path from the submission's root (the repository's root), with {@code /}
 * @param line the line, from 1
 */
public record SourceLocation(String file, int line) {

    /** A stack frame in a {@code lab.*} class, as a message shows it: {@code lab.counter.LockCounter.get(LockCounter.java:14)}. */
    private static final Pattern FRAME = Pattern.compile("\\b(lab(?:\\.[\\w$]+)*)\\.[\\w$]+\\.[\\w$<>]+\\(([\\w$]+\\.java):(\\d+)\\)");
    /**
     * A line a static rule or the compiler found: {@code LockCounter.java:8 uses ...}, {@code (LockCounter.java:8)},
     * or a path from the source root, {@code lab/counter/LockCounter.java:8: error}.
     */
    private static final Pattern FILE_LINE = Pattern.compile("(?<![\\w$/.])((?:[\\w$]+/)*[\\w$]+\\.java):(\\d+)\\b");

    /**
     * Where {@code message} points in the student's code: the first {@code lab.*} stack frame it
     * shows (the innermost call of the submission), else the first {@code File.java:line} it
     * names, taken to be in {@code labPackage} unless it has a path; {@code null} when it names none.
     *
     * @param sourcePrefix the source root's path from the submission's root: {@code src/main/java/} or empty
     */
    public static SourceLocation find(String message, String labPackage, String sourcePrefix) {
        if (message == null) {
            return null;
        }
        Matcher frame = FRAME.matcher(message);
        if (frame.find()) {
            return at(sourcePrefix, frame.group(1), frame.group(2), frame.group(3));
        }
        Matcher fileLine = FILE_LINE.matcher(message);
        if (fileLine.find()) {
            return at(sourcePrefix, labPackage, fileLine.group(1), fileLine.group(2));
        }
        return null;
    }

    private static SourceLocation at(String prefix, String packageName, String file, String line) {
        try {
            String path = file.contains("/") ? file : packageName.replace('.', '/') + "/" + file;
            return new SourceLocation(prefix + path, Integer.parseInt(line));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
