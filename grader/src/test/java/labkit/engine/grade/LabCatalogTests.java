package labkit.engine.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import labkit.api.Category;
import labkit.api.Check;
import labkit.api.GradedLab;
import labkit.api.Submission;
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
                .hasMessageMatching("The check id twice\\.same is declared twice in " + Pattern.quote(DuplicateCheck.class.getName())
                        + " \\(by (one and two|two and one)\\): give each check its own id\\.");
    }

    @GradedLab(id = "hidden", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 1)
    static class PrivateCheck {
        @Check(id = "unseen", points = 1, category = Category.CORRECTNESS, description = "a")
        private void unseen() {}
    }

    @GradedLab(id = "shared", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 1)
    static class StaticCheck {
        @Check(id = "unseen", points = 1, category = Category.CORRECTNESS, description = "a")
        static void unseen() {}
    }

    @GradedLab(id = "valued", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 1)
    static class ReturningCheck {
        @Check(id = "unseen", points = 1, category = Category.CORRECTNESS, description = "a")
        boolean unseen() {
            return true;
        }
    }

    @GradedLab(id = "given", contract = Counter.class, studentClass = "lab.counter.LockCounter", points = 1)
    static class UnsuppliedParameter {
        @Check(id = "unseen", points = 1, category = Category.CORRECTNESS, description = "a")
        void unseen(Submission submission, Random random, String name) {}
    }

    /** JUnit would skip each of these, or fail it before it starts, while its points still count. */
    @Test
    void aCheckThatCouldNotRunIsAMistakeNamingTheMethodAndTheFix() {
        assertThatThrownBy(() -> LabCatalog.define(PrivateCheck.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage("PrivateCheck.unseen is a @Check but private: JUnit never runs it, yet it counts toward the lab's points."
                        + " Make it package-private (drop private).");
        assertThatThrownBy(() -> LabCatalog.define(StaticCheck.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage("StaticCheck.unseen is a @Check but static: JUnit never runs it, yet it counts toward the lab's points."
                        + " Make it an instance method (drop static).");
        assertThatThrownBy(() -> LabCatalog.define(ReturningCheck.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage("ReturningCheck.unseen is a @Check but returns boolean: JUnit never runs it, yet it counts toward"
                        + " the lab's points. Make it void (fail by throwing Feedback.fail).");
        assertThatThrownBy(() -> LabCatalog.define(UnsuppliedParameter.class)).isInstanceOf(SuiteDefinitionError.class)
                .hasMessage("UnsuppliedParameter.unseen is a @Check with a parameter of type java.lang.String that the engine"
                        + " cannot supply: a check may take only labkit.api.Submission and java.util.Random.");
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
