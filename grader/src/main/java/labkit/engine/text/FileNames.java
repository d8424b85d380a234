package labkit.engine.text;

/**
 * A name from the submission (a file, a folder, a class) as it may appear in a message: a file
 * name on Linux can hold a newline, a terminal escape or a right-to-left override, which would
 * forge lines or reorder text in every report. Those characters are shown as {@code \\uXXXX},
 * and a very long name is cut.
 */
public final class FileNames {

    static final int MAX_CHARS = 200;

    private FileNames() {}

    public static String shown(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_CHARS) + 16);
        int i = 0;
        for (; i < name.length() && out.length() < MAX_CHARS; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < name.length()) {
            out.append("…");
        }
        return out.toString();
    }
}
