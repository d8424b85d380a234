package labkit.engine.grade;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to grade and how.
 *
 * @param submission the submission folder
 * @param label how the submission is named in the report and in rerun commands
 * @param assignments the lab ids to grade; empty for all
 * @param check a single full check id to run, or {@code null} for all
 * @param seed the run's seed
 * @param workDir where compiled classes and the forked JVMs' files go
 * @param rerunCommand the command a rerun hint starts with, e.g. {@code mvn test -Dsubmission=DIR}
 * @param childJvmArgs extra options for the forked JVMs (the kit's coverage agent)
 */
public record GradeRequest(Path submission, String label, Set<String> assignments, String check, long seed,
        Path workDir, String rerunCommand, List<String> childJvmArgs) {

    boolean wants(LabDefinition lab) {
        if (check != null && !check.startsWith(lab.id() + ".")) {
            return false;
        }
        return assignments.isEmpty() || assignments.contains(lab.id());
    }

    boolean wants(CheckDefinition check) {
        return this.check == null || this.check.equals(check.id());
    }
}
