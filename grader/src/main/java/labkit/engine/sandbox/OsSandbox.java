package labkit.engine.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import labkit.engine.text.Messages;

/**
 * The OS sandbox a run uses for every JVM that runs student code: Bubblewrap when the mode allows
 * it and a sandboxed {@code true} starts on this machine (probed once per grading process), or
 * none, with a note that says why. Every report states which.
 */
public final class OsSandbox {

    public static final String BUBBLEWRAP = "bubblewrap";
    public static final String NONE = "none";

    private static final Map<SandboxMode, OsSandbox> PER_MODE = new ConcurrentHashMap<>();

    private final SandboxMode mode;
    private final Bubblewrap bubblewrap;
    private final String note;

    private OsSandbox(SandboxMode mode, Bubblewrap bubblewrap, String note) {
        this.mode = mode;
        this.bubblewrap = bubblewrap;
        this.note = note;
    }

    /**
     * The sandbox for {@code mode} on this machine.
     *
     * @throws SandboxUnavailableException when {@code mode} is {@link SandboxMode#REQUIRED} and the sandbox cannot start
     */
    public static OsSandbox forRun(SandboxMode mode) {
        return PER_MODE.computeIfAbsent(mode, m -> select(m, Tools.find("bwrap"))).orFail();
    }

    /** This sandbox, unless the mode requires one and there is none. */
    OsSandbox orFail() {
        if (mode == SandboxMode.REQUIRED && !active()) {
            throw new SandboxUnavailableException(note);
        }
        return this;
    }

    /** The choice for {@code mode} given where {@code bwrap} is (empty: not installed); probes it. */
    static OsSandbox select(SandboxMode mode, Optional<Path> bwrap) {
        if (mode == SandboxMode.OFF) {
            return new OsSandbox(mode, null, Messages.format("engine.sandbox.off"));
        }
        Optional<Bubblewrap> tools = bwrap.flatMap(Bubblewrap::find);
        String problem = tools.isEmpty() ? Messages.format("engine.sandbox.not-installed") : tools.get().probe();
        if (problem == null) {
            return new OsSandbox(mode, tools.get(), Messages.format("engine.sandbox.on", Limits.DEFAULT.tasks(),
                    Limits.DEFAULT.fileSizeBytes() / (1024 * 1024)));
        }
        String key = mode == SandboxMode.REQUIRED ? "engine.sandbox.required-but-unavailable" : "engine.sandbox.unavailable";
        return new OsSandbox(mode, null, Messages.format(key, problem));
    }

    public boolean active() {
        return bubblewrap != null;
    }

    public SandboxMode mode() {
        return mode;
    }

    /** {@value #BUBBLEWRAP} or {@value #NONE}. */
    public String os() {
        return active() ? BUBBLEWRAP : NONE;
    }

    /** One line for the reports: what contains the student's code in this run, or why the sandbox is not used. */
    public String note() {
        return note;
    }

    /** {@code command} as it is run: inside the sandbox when there is one, unchanged otherwise. */
    public List<String> wrap(List<String> command, Layout layout) {
        return active() ? bubblewrap.command(command, layout) : command;
    }
}
