package labkit.engine.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import labkit.engine.text.FileNames;
import labkit.engine.text.Messages;

/** The class files a lab's compilation produced, trimmed to what the kit takes from a submission. */
final class CompiledClasses {

    private CompiledClasses() {}

    /**
     * Deletes class files outside the lab's package (a source may declare any package) and class
     * files of the kit's own types; returns a note for each kind of file removed.
     */
    static List<String> keepOnlyLab(Path classes, String packageName, Set<String> kitTypes) {
        Path labDir = classes.resolve(packageName.replace('.', '/'));
        List<String> outside = new ArrayList<>();
        List<String> copies = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = FileNames.shown(classes.relativize(file).toString().replace('\\', '/'));
                String simple = file.getFileName().toString().replace(".class", "");
                String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
                if (!file.startsWith(labDir)) {
                    outside.add(name);
                    Files.delete(file);
                } else if (file.getParent().equals(labDir) && kitTypes.contains(outer)) {
                    copies.add(name);
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> notes = new ArrayList<>();
        if (!outside.isEmpty()) {
            notes.add(Messages.format("engine.lab.outside-package", packageName, String.join(", ", outside)));
        }
        if (!copies.isEmpty()) {
            notes.add(Messages.format("engine.lab.shadowing", String.join(", ", copies)));
        }
        return notes;
    }

    static boolean has(Path classes, String className) {
        return Files.isRegularFile(classes.resolve(className.replace('.', '/') + ".class"));
    }
}
