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
    void anUnknownKeyIsAKitBugThatSaysWhereToAddIt() {
        assertThatThrownBy(() -> Messages.format("counter.no-such-message"))
                .hasMessageStartingWith("No message 'counter.no-such-message' in /labkit/messages.properties or labkit/messages/counter.properties");
    }
}
