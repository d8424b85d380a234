package labkit.engine.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.SimpleJavaFileObject;

/**
 * A student's source file for javac: read as UTF-8 (the handouts' encoding) or, when it is not
 * valid UTF-8, as windows-1252, which is what editors on Windows save. An umlaut in a comment then
 * costs a note, not the lab: javac would otherwise refuse the whole file as "unmappable character".
 */
final class SourceFile extends SimpleJavaFileObject {

    static final Charset LEGACY = Charset.forName("windows-1252");

    private final Path path;
    private final String text;
    private final boolean legacy;

    private SourceFile(Path path, String text, boolean legacy) {
        super(path.toUri(), Kind.SOURCE);
        this.path = path;
        this.text = text;
        this.legacy = legacy;
    }

    static SourceFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new SourceFile(path, text, false);
        } catch (CharacterCodingException notUtf8) {
            return new SourceFile(path, new String(bytes, LEGACY), true);
        }
    }

    Path path() {
        return path;
    }

    /** Whether the file was not UTF-8 and was read as {@link #LEGACY}. */
    boolean legacy() {
        return legacy;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
    }
}
