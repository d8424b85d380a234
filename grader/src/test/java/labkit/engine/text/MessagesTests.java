package labkit.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessagesTests {

    @Test
    void fillsPlaceholdersAndKeepsApostrophes() {
        assertThat(Messages.format("engine.rerun", "mvn test", "counter.x", 5))
                .isEqualTo("Rerun just this check: mvn test -Dcheck=counter.x -Dgrader.seed=5");
        assertThat(Messages.format("counter.reentrant-get.value", 1, 2)).contains("(expected 2, the value as update began)");
    }

    @Test
    void aMissingArgumentFailsTheKitsTestsButNotAStudentsGrade() {
        assertThat(Messages.strict()).as("the grader's pom turns strict mode on for the kit's tests").isTrue();
        assertThatThrownBy(() -> Messages.format("engine.rerun", "mvn test", "counter.x"))
                .hasMessage("Message 'engine.rerun' has the placeholder {2} but was given 2 argument(s): pass every argument its text uses.");
        System.setProperty(Messages.STRICT_PROPERTY, "false");
        try {
            assertThat(Messages.format("engine.rerun", "mvn test", "counter.x")).endsWith("-Dgrader.seed={2}");
        } finally {
            System.setProperty(Messages.STRICT_PROPERTY, "true");
        }
    }

    @Test
    void anUnknownKeyIsAKitBugThatSaysWhereToAddIt() {
        assertThatThrownBy(() -> Messages.format("counter.no-such-message"))
                .hasMessageStartingWith("No message 'counter.no-such-message' in /labkit/messages.properties or labkit/messages/counter.properties");
    }
}
