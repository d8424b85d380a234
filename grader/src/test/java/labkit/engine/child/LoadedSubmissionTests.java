package labkit.engine.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import labkit.kit.KitGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the student's classes as a check sees them")
class LoadedSubmissionTests {

    @Test
    @DisplayName("every check of a JVM shares one ArchUnit import of the lab's classes, the first paid before any check's clock")
    void oneImportPerJvm() {
        // The kit's compiled contracts stand in for a lab's classes folder: any folder of class files will do.
        Path classes = KitGrading.root().resolve("assignments/target/classes");
        LoadedSubmission first = new LoadedSubmission("lab.counter.Counter", classes);
        LoadedSubmission second = new LoadedSubmission("lab.counter.Counter", classes);

        assertThat(first.classes()).isSameAs(second.classes());
        assertThat(first.classes().contain("lab.counter.Counter")).isTrue();
    }
}
