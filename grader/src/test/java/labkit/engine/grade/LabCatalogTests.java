package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import labkit.api.Category;
import labkit.api.Check;
import labkit.api.GradedLab;
import lab.counter.Counter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A suite with a mistake in it fails the kit's build with a message that names the mistake. */
class LabCatalogTests {

    @Test
    @DisplayName("every shipped suite is valid, and each lab is worth 25 points")
    void shippedSuitesAreValid() {
        assertThat(LabCatalog.discover()).isNotEmpty().allSatisfy(lab -> assertThat(lab.points()).isEqualTo(25.0));
    }

    @GradedLab(id = "twice", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 2)
    static class DuplicateCheck {
        @Check(id = "same", points = 1, category = Category.CORRECTNESS, description = "a")
        void one() {}

        @Check(id = "same", points = 1, category = Category.CORRECTNESS, description = "b")
        void two() {}
    }

    @GradedLab(id = "nothing", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 1)
    static class NoPoints {
        @Check(id = "free", points = 0, category = Category.CORRECTNESS, description = "a")
        void free() {}
    }

    @GradedLab(id = "sums", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 25)
    static class WrongSum {
        @Check(id = "only", points = 20, category = Category.CORRECTNESS, description = "a")
        void only() {}
    }

    @GradedLab(id = "Bad Id", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 1)
    static class BadId {}

    @Test
    void duplicateCheckIdIsAMistake() {
        assertThatThrownBy(() -> LabCatalog.define(DuplicateCheck.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage("The check id twice.same is declared twice in " + DuplicateCheck.class.getName() + ".");
    }

    @Test
    void checkWithoutPointsIsAMistake() {
        assertThatThrownBy(() -> LabCatalog.define(NoPoints.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage("The check nothing.free has 0.0 points: every check must be worth more than 0.");
    }

    @Test
    void pointsMustAddUpToTheLabsMaximum() {
        assertThatThrownBy(() -> LabCatalog.define(WrongSum.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage("The checks of lab sums add up to 20.0 points, but @GradedLab declares 25.0: fix one of them.");
    }

    @Test
    void labIdsAreLowerCaseWords() {
        assertThatThrownBy(() -> LabCatalog.define(BadId.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage(BadId.class.getName() + ": the id \"Bad Id\" is not lower-case words joined by hyphens.");
    }
}
