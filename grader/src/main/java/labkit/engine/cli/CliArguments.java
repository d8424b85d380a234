package labkit.engine.cli;

import java.nio.file.Path;
import labkit.engine.text.Messages;

/**
 * The command line of {@link LabkitCli}: {@code grade DIR} and its options, each as
 * {@code --name value} or {@code --name=value}.
 */
record CliArguments(boolean help, String dir, String assignments, String checks, String seed, Path out) {

    static final Path DEFAULT_OUT = Path.of("grade");

    /** @throws IllegalArgumentException with a message for the user */
    static CliArguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException(Messages.format("cli.no-command"));
        }
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                return new CliArguments(true, null, null, null, null, DEFAULT_OUT);
            }
        }
        if (!args[0].equals("grade")) {
            throw new IllegalArgumentException(Messages.format("cli.unknown-command", args[0]));
        }
        String dir = null;
        String assignments = null;
        String checks = null;
        String seed = null;
        Path out = DEFAULT_OUT;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (dir != null) {
                    throw new IllegalArgumentException(Messages.format("cli.extra-argument", arg));
                }
                dir = arg;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(Messages.format("cli.missing-value", name));
            }
            switch (name) {
                case "--assignments" -> assignments = value;
                case "--check" -> checks = value;
                case "--seed" -> seed = value;
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException(Messages.format("cli.unknown-option", name));
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException(Messages.format("cli.no-dir"));
        }
        return new CliArguments(false, dir, assignments, checks, seed, out);
    }
}
