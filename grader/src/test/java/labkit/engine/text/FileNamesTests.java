package labkit.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void controlAndFormatCharactersAreShownAsEscapes() {
        assertThat(FileNames.shown("a\nb\r\tc\u001b[31m\u202ed\u2028e.java")).isEqualTo("a\\u000ab\\u000d\\u0009c\\u001b[31m\\u202ed\\u2028e.java");
        assertThat(FileNames.shown("lab/counter/Z\u00e4hler.java")).isEqualTo("lab/counter/Z\u00e4hler.java");
    }

    @Test
    void aVeryLongNameIsCut() {
        assertThat(FileNames.shown("x".repeat(1000))).isEqualTo("x".repeat(FileNames.MAX_CHARS) + "…");
        assertThat(FileNames.shown("x".repeat(FileNames.MAX_CHARS))).isEqualTo("x".repeat(FileNames.MAX_CHARS));
    }
}
