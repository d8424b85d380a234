package labkit.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Every sentence the kit shows a student or an instructor comes from one place: the engine's in
 * {@code labkit/messages.properties}, each lab's in {@code labkit/messages/<lab>.properties}
 * (the lab is the key's first segment: {@code counter.sequential.start}).
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}, ...; unlike {@link java.text.MessageFormat}, quotes
 * and braces elsewhere are taken literally, so writers of messages need not escape apostrophes.
 */
public final class Messages {

    private static final String BUNDLE = "/labkit/messages.properties";
    private static final Properties TEXTS = load(BUNDLE, true);
    private static final java.util.Map<String, Properties> LAB_TEXTS = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The system property that makes a placeholder without its argument throw: on in the kit's own
     * tests (the grader's pom, passed on to the checks' JVMs), off when students are graded, who
     * rather read {@code {3}} than lose a check to the kit's mistake.
     */
    public static final String STRICT_PROPERTY = "labkit.messages.strict";

    private Messages() {}

    /** The message for {@code key} with its placeholders filled in; fails loudly on an unknown key. */
    public static String format(String key, Object... args) {
        String template = lookup(key);
        if (template == null) {
            throw new IllegalArgumentException("No message '" + key + "' in " + BUNDLE + " or labkit/messages/"
                    + key.split("\\.")[0] + ".properties: add it there (suites must not build student-facing text inline).");
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && isIndex(template, i + 1, close)) {
                int index = Integer.parseInt(template.substring(i + 1, close));
                out.append(index < args.length ? String.valueOf(args[index]) : missing(key, index, args.length, template, i, close));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a placeholder without its argument fails (see {@link #STRICT_PROPERTY}). */
    public static boolean strict() {
        return Boolean.getBoolean(STRICT_PROPERTY);
    }

    private static String missing(String key, int index, int given, String template, int open, int close) {
        if (strict()) {
            throw new IllegalArgumentException("Message '" + key + "' has the placeholder {" + index + "} but was given "
                    + given + " argument(s): pass every argument its text uses.");
        }
        return template.substring(open, close + 1);
    }

    /** Whether the bundle has {@code key}. */
    public static boolean has(String key) {
        return lookup(key) != null;
    }

    private static String lookup(String key) {
        String engine = TEXTS.getProperty(key);
        if (engine != null || key.indexOf('.') < 0) {
            return engine;
        }
        String lab = key.substring(0, key.indexOf('.'));
        return LAB_TEXTS.computeIfAbsent(lab, l -> load("/labkit/messages/" + l + ".properties", false)).getProperty(key);
    }

    private static boolean isIndex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return to - from <= 2;
    }

    private static Properties load(String resource, boolean required) {
        Properties texts = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException(resource + " is missing from the class path");
                }
                return texts;
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
