package labkit.engine.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sandboxed process may see: {@code readOnly} paths (the JDK, the kit's class path, the
 * lab's classes), {@code writableFiles} the grading process reads back (the event log), and one
 * writable {@code scratch} folder, its working directory. Nothing else of the machine's files
 * is there, apart from the system's libraries and programs ({@code /usr}).
 */
public record Layout(Path scratch, List<Path> readOnly, List<Path> writableFiles) {}
