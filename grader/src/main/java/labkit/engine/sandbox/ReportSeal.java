package labkit.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import labkit.engine.text.Messages;

/**
 * The SHA-256 of each report file as the grading process wrote it, taken when every forked JVM
 * is gone, so that the run can check, right before it ends, that nothing (a process that
 * escaped, say) rewrote them since.
 */
public final class ReportSeal {

    private final Path dir;
    private final Map<String, String> digests = new LinkedHashMap<>();

    private ReportSeal(Path dir) {
        this.dir = dir;
    }

    /** Seals the files {@code names} of {@code dir} as they are now. */
    public static ReportSeal of(Path dir, List<String> names) {
        ReportSeal seal = new ReportSeal(dir);
        names.forEach(n -> seal.digests.put(n, digest(dir.resolve(n))));
        return seal;
    }

    /** The message saying which files changed since they were sealed, or empty when none did. */
    public Optional<String> broken() {
        List<String> changed = digests.entrySet().stream()
                .filter(e -> !e.getValue().equals(digest(dir.resolve(e.getKey())))).map(Map.Entry::getKey).toList();
        return changed.isEmpty() ? Optional.empty() : Optional.of(Messages.format("engine.report.changed", String.join(", ", changed)));
    }

    private static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "unreadable: " + e.getClass().getSimpleName();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
