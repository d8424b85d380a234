package labkit.engine.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("where a suite's JVM takes the student's classes from")
class ChildConfigTests {

    private static ChildConfig of(Map<String, String> parameters) {
        return ChildConfig.from(key -> Optional.ofNullable(parameters.get(key)));
    }

    @Test
    @DisplayName("a grading run's folder wins, even over the class-path switch")
    void folderWins() {
        ChildConfig config = of(Map.of(ChildConfig.CLASSES, "/tmp/lab-classes", ChildConfig.CLASSES_FROM_CLASS_PATH, "true"));

        assertThat(config.classes).isEqualTo(Path.of("/tmp/lab-classes"));
    }

    @Test
    @DisplayName("the class path only when mutation testing asks for it")
    void classPathOnlyWhenAsked() {
        assertThat(of(Map.of(ChildConfig.CLASSES_FROM_CLASS_PATH, "true")).classes).isNull();
        assertThatThrownBy(() -> of(Map.of(ChildConfig.SEED, "7")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ChildConfig.CLASSES);
        assertThatThrownBy(() -> of(Map.of(ChildConfig.CLASSES_FROM_CLASS_PATH, "false")))
                .isInstanceOf(IllegalStateException.class);
    }
}
