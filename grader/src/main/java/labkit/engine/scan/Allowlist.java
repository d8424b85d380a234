package labkit.engine.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JDK APIs student code may use, read from {@code labkit/allowlist.txt} plus the lab's own
 * additions in {@code labkit/allowlist/<lab>.txt}. The files say what each line is for; their
 * format is described at the top of {@code allowlist.txt}. What the lists do not allow is
 * refused, with the reason of the most specific {@code reason} line, or {@link #UNLISTED}.
 */
final class Allowlist {

    static final String UNLISTED = "not on the labs' list of allowed APIs";
    static final String BASE = "/labkit/allowlist.txt";

    /** {@code allow}: types, and when {@code members} is not empty only those members of one class. */
    private record Allow(TypePattern types, Set<String> members) {}

    /** {@code deny}: a whole type (no members), or members ({@code name} or {@code name(descriptor-prefix}). */
    private record Deny(TypePattern types, List<String> members, String reason) {}

    private record Reason(TypePattern types, String words) {}

    private final List<Allow> allows = new ArrayList<>();
    private final List<Deny> denies = new ArrayList<>();
    private final List<Reason> reasons = new ArrayList<>();
    private final List<Allow> bootstraps = new ArrayList<>();

    private Allowlist() {}

    /** The base list and, when the lab has one, its additions. */
    static Allowlist forLab(String labId) {
        Allowlist list = new Allowlist();
        list.read(BASE, true);
        list.read("/labkit/allowlist/" + labId + ".txt", false);
        return list;
    }

    /** A list made of {@code lines} alone (for the kit's tests). */
    static Allowlist of(String origin, List<String> lines) {
        Allowlist list = new Allowlist();
        for (int i = 0; i < lines.size(); i++) {
            list.parse(lines.get(i), origin + ":" + (i + 1));
        }
        return list;
    }

    private void read(String resource, boolean required) {
        try (InputStream in = Allowlist.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException("The kit's allowlist " + resource + " is missing from the class path.");
                }
                return;
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().collect(Collectors.toList());
            for (int i = 0; i < lines.size(); i++) {
                parse(lines.get(i), resource + ":" + (i + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parse(String line, String where) {
        String text = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        if (text.isBlank()) {
            return;
        }
        String words = null;
        if (text.contains(" : ")) {
            words = text.substring(text.indexOf(" : ") + 3).trim();
            text = text.substring(0, text.indexOf(" : "));
        }
        List<String> tokens = Arrays.asList(text.trim().split("\\s+"));
        if (tokens.size() < 2) {
            throw mistake(where, line, "a keyword and a type");
        }
        String keyword = tokens.get(0);
        List<String> members = tokens.subList(2, tokens.size());
        boolean exact = !members.isEmpty();
        TypePattern types = TypePattern.of(tokens.get(1), exact);
        switch (keyword) {
            case "allow" -> allows.add(new Allow(types, Set.copyOf(members)));
            case "bootstrap" -> bootstraps.add(new Allow(types, Set.copyOf(members)));
            case "deny" -> denies.add(new Deny(types, List.copyOf(members), required(words, where, line)));
            case "reason" -> reasons.add(new Reason(TypePattern.of(tokens.get(1), false), required(words, where, line)));
            default -> throw mistake(where, line, "allow, deny, bootstrap or reason");
        }
    }

    private static String required(String words, String where, String line) {
        if (words == null || words.isEmpty()) {
            throw mistake(where, line, "a reason after \" : \"");
        }
        return words;
    }

    private static IllegalStateException mistake(String where, String line, String expected) {
        return new IllegalStateException(where + ": expected " + expected + ", found \"" + line.trim() + "\"");
    }

    /** Why {@code type} is refused as a type, or {@code null} when it is allowed. */
    String typeRefusal(String type) {
        for (Deny deny : denies) {
            if (deny.members().isEmpty() && deny.types().matches(type)) {
                return deny.reason();
            }
        }
        return allows.stream().anyMatch(a -> a.types().matches(type)) ? null : reasonFor(type);
    }

    /** Why member {@code name} (with {@code desc}, {@code null} for a field) of {@code type} is denied outright, or {@code null}. */
    String memberDenial(String type, String name, String desc) {
        for (Deny deny : denies) {
            if (deny.types().matches(type) && deny.members().stream().anyMatch(m -> names(m, name, desc))) {
                return deny.reason();
            }
        }
        return null;
    }

    private static boolean names(String entry, String name, String desc) {
        int paren = entry.indexOf('(');
        if (paren < 0) {
            return entry.equals(name);
        }
        return entry.substring(0, paren).equals(name) && desc != null && desc.startsWith(entry.substring(paren));
    }

    /**
     * Whether the lists allow member {@code name} of an allowed {@code type}: every member, unless
     * a line names the only ones (such a line wins over a wider one that covers the class).
     */
    boolean allowsMember(String type, String name) {
        List<Allow> only = allows.stream().filter(a -> !a.members().isEmpty() && a.types().matches(type)).collect(Collectors.toList());
        if (!only.isEmpty()) {
            return only.stream().anyMatch(a -> a.members().contains(name));
        }
        return allows.stream().anyMatch(a -> a.types().matches(type));
    }

    boolean allowsBootstrap(String owner, String name) {
        return bootstraps.stream().anyMatch(b -> b.types().matches(owner) && b.members().contains(name));
    }

    /** The words of the most specific {@code reason} line for {@code type}, or {@link #UNLISTED}. */
    String reasonFor(String type) {
        return reasons.stream().filter(r -> r.types().matches(type))
                .max(Comparator.comparingInt(r -> r.types().weight()))
                .map(Reason::words).orElse(UNLISTED);
    }
}
