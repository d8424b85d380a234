package labkit.engine.grade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /**
     * Reads {@code path}, which {@link SubmissionFolder} found to be a regular file within its
     * caps: never more than {@link SubmissionFolder#MAX_SOURCE_BYTES}, and never through a link,
     * even if the file was changed since.
     */
    static SourceFile read(Path path) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) SubmissionFolder.MAX_SOURCE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > SubmissionFolder.MAX_SOURCE_BYTES) {
            throw new UncheckedIOException(new IOException(path.getFileName() + " grew past the size the grader reads while it was graded"));
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
