package labkit.engine.scan;

import java.util.regex.Pattern;

/**
 * A set of JDK types as the allowlist writes it, in internal names: {@code java/util/*} (the
 * package's classes, nested ones included, not its subpackages), {@code java/lang/invoke/**} (the
 * package and its subpackages), {@code java/lang/*Exception} (a wildcard within one name), or one
 * class {@code java/lang/Thread}, which takes in its nested classes ({@code Thread$State}) unless
 * {@code exact}.
 */
record TypePattern(String text, Pattern regex) {

    static TypePattern of(String text, boolean exact) {
        String regex;
        if (text.endsWith("/**")) {
            regex = Pattern.quote(text.substring(0, text.length() - 2)) + ".+";
        } else if (text.contains("*")) {
            regex = String.join("[^/]*", quoted(text.split("\\*", -1)));
        } else {
            regex = Pattern.quote(text) + (exact ? "" : "(\\$.*)?");
        }
        return new TypePattern(text, Pattern.compile(regex));
    }

    private static String[] quoted(String[] parts) {
        String[] out = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].isEmpty() ? "" : Pattern.quote(parts[i]);
        }
        return out;
    }

    boolean matches(String type) {
        return regex.matcher(type).matches();
    }

    /** How specific the pattern is: of two that match, the longer one's reason is given. */
    int weight() {
        return text.length();
    }
}
