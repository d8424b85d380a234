package labkit.engine.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import labkit.engine.diag.SafeText;

/**
 * Builds the command that runs a program inside Bubblewrap: new PID, network, IPC, UTS, cgroup
 * and mount namespaces; the system's {@code /usr} and the layout's paths read-only, the scratch
 * folder writable, the rest of the root file system an empty read-only tmpfs; the process dies
 * with the grading process and runs in a session of its own; resource limits set by
 * {@code prlimit}. As root (a CI container), the program is also switched to a user id of its own
 * with {@code setpriv}, because the kernel does not apply RLIMIT_NPROC to root.
 */
final class Bubblewrap {

    /** Folders of the host's system that the JVM's native libraries and the shell need. */
    private static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    /** User ids far above any real account, one per sandbox, so that their task counts are separate. */
    private static final int FIRST_UID = 200_000;
    private static final int UIDS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path bwrap;
    private final Path setpriv;
    private final Path prlimit;
    private final boolean root;
    private final Limits limits;

    Bubblewrap(Path bwrap, Path setpriv, Path prlimit, boolean root, Limits limits) {
        this.bwrap = bwrap;
        this.setpriv = setpriv;
        this.prlimit = prlimit;
        this.root = root;
        this.limits = limits;
    }

    /** The tools of this machine, or empty when one is missing. */
    static Optional<Bubblewrap> find(Path bwrap) {
        Optional<Path> setpriv = Tools.find("setpriv");
        Optional<Path> prlimit = Tools.find("prlimit");
        if (!Files.isExecutable(bwrap) || prlimit.isEmpty() || setpriv.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Bubblewrap(bwrap, setpriv.get(), prlimit.get(), Tools.runningAsRoot(), Limits.DEFAULT));
    }

    /** Null when a sandboxed {@code true} runs; else what went wrong, in one line. */
    String probe() {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("labkit-probe");
            Process p = new ProcessBuilder(command(List.of(Tools.find("true").map(Path::toString).orElse("/bin/true")),
                    new Layout(scratch, List.of(), List.of()))).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "bwrap did not start within 20 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 ? null : SafeText.clip(out.isEmpty() ? "bwrap exit status " + p.exitValue() : out.lines().findFirst().orElse(out));
        } catch (IOException e) {
            return SafeText.clip(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (scratch != null) {
                scratch.toFile().delete();
            }
        }
    }

    /** The command that runs {@code program} in the sandbox; hands the writable paths to the sandbox's user. */
    List<String> command(List<String> program, Layout layout) {
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString(), "--unshare-pid", "--unshare-net", "--unshare-ipc",
                "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8",
                "--setenv", "HOME", layout.scratch().toString()));
        if (!root) {
            cmd.add("--unshare-user");
        }
        system(cmd);
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        List<Path> visible = new ArrayList<>(layout.readOnly());
        visible.addAll(layout.writableFiles());
        visible.add(layout.scratch());
        folders(cmd, visible);
        for (Path p : layout.readOnly()) {
            if (!underSystem(p) && Files.exists(p)) {
                cmd.addAll(List.of("--ro-bind", real(p), p.toAbsolutePath().normalize().toString()));
            }
        }
        for (Path p : layout.writableFiles()) {
            create(p);
            cmd.addAll(List.of("--bind", real(p), p.toAbsolutePath().normalize().toString()));
        }
        cmd.addAll(List.of("--bind", real(layout.scratch()), layout.scratch().toString(), "--remount-ro", "/",
                "--chdir", layout.scratch().toString()));
        if (root) {
            int uid = FIRST_UID + RANDOM.nextInt(UIDS);
            handOver(uid, layout);
            cmd.addAll(List.of("--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", setpriv.toString(),
                    "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                    "--no-new-privs"));
        }
        cmd.add(prlimit.toString());
        cmd.addAll(limits.prlimitOptions());
        cmd.add("--");
        cmd.addAll(program);
        return cmd;
    }

    private static void system(List<String> cmd) {
        for (String dir : SYSTEM) {
            Path p = Path.of(dir);
            try {
                if (Files.isSymbolicLink(p)) {
                    cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
                } else if (Files.isDirectory(p)) {
                    cmd.addAll(List.of("--ro-bind", dir, dir));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every folder above a visible path, made readable by all (bwrap would make them root-only). */
    private static void folders(List<String> cmd, List<Path> visible) {
        TreeSet<String> parents = new TreeSet<>();
        for (Path p : visible) {
            for (Path up = p.toAbsolutePath().normalize().getParent(); up != null && up.getParent() != null; up = up.getParent()) {
                if (!underSystem(up)) {
                    parents.add(up.toString());
                }
            }
        }
        // A TreeSet of absolute paths lists every folder before the folders inside it.
        for (String dir : parents) {
            cmd.addAll(List.of("--perms", "0755", "--dir", dir));
        }
    }

    private static boolean underSystem(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return SYSTEM.stream().anyMatch(s -> abs.startsWith(s));
    }

    private static String real(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sandbox's user owns its scratch folder; the files the grading process reads back are made
     * writable by all instead (the coverage agent's file is shared by every sandbox, each with its
     * own user id). The grading process, as root, still reads and deletes everything.
     */
    private static void handOver(int uid, Layout layout) {
        try {
            Files.setAttribute(layout.scratch(), "unix:uid", uid);
            Files.setAttribute(layout.scratch(), "unix:gid", uid);
            for (Path p : layout.writableFiles()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the sandbox writes must exist before it can be bound. */
    private static void create(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
