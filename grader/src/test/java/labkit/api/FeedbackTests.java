package labkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A failure that is not thrown cannot pass a check by mistake. */
class FeedbackTests {

    @Test
    @DisplayName("fail throws, so a check that forgets the throw still fails")
    void failThrows() {
        assertThatThrownBy(() -> Feedback.fail("engine.rerun", "mvn test", "counter.x", 5))
                .isInstanceOf(CheckFailure.class)
                .hasMessage("Rerun just this check: mvn test -Dcheck=counter.x -Dgrader.seed=5");
    }

    @Test
    @DisplayName("failure makes the failure without throwing it, to attach details")
    void failureCarriesDetails() {
        CheckFailure failure = Feedback.failure("engine.rerun", "mvn test", "counter.x", 5).withDetails("the dump");
        assertThat(failure.details()).isEqualTo("the dump");
        assertThat(failure).hasMessageStartingWith("Rerun just this check");
    }

    /** The one way left to lose a failure: Feedback.failure(...) as a statement, its value dropped. */
    @Test
    @DisplayName("no class of the kit drops a Feedback.failure(...) unthrown")
    void noKitClassDropsAFailure() throws IOException, URISyntaxException {
        Path classes = Path.of(Feedback.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> dropped = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> dropped.addAll(droppedIn(read(file))));
        }
        assertThat(dropped).as("Feedback.failure(...) whose result is dropped: write throw in front").isEmpty();
    }

    /** A suite's mistake, compiled: the scan above must see it. */
    static final class Forgetful {
        void check() {
            Feedback.failure("engine.rerun", "mvn test", "counter.x", 5);
        }
    }

    @Test
    @DisplayName("the scan finds a dropped failure")
    void theScanFindsADroppedFailure() throws IOException {
        try (InputStream in = Forgetful.class.getResourceAsStream("FeedbackTests$Forgetful.class")) {
            assertThat(droppedIn(in.readAllBytes())).containsExactly("labkit/api/FeedbackTests$Forgetful.check");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The methods of a class file in which a call of Feedback.failure is followed at once by POP. */
    static List<String> droppedIn(byte[] classFile) {
        List<String> found = new ArrayList<>();
        ClassReader reader = new ClassReader(classFile);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new DropWatch(reader.getClassName() + "." + name, found);
            }
        }, ClassReader.SKIP_FRAMES);
        return found;
    }

    /** Remembers whether the last instruction was the call; labels and line numbers do not count. */
    private static final class DropWatch extends MethodVisitor {
        private final String method;
        private final List<String> found;
        private boolean afterFailure;

        DropWatch(String method, List<String> found) {
            super(Opcodes.ASM9);
            this.method = method;
            this.found = found;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            afterFailure = opcode == Opcodes.INVOKESTATIC && owner.equals("labkit/api/Feedback") && name.equals("failure");
        }

        @Override
        public void visitInsn(int opcode) {
            if (afterFailure && opcode == Opcodes.POP) {
                found.add(method);
            }
            afterFailure = false;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            afterFailure = false;
        }

        @Override
        public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
            afterFailure = false;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            afterFailure = false;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            afterFailure = false;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            afterFailure = false;
        }

        @Override
        public void visitLdcInsn(Object value) {
            afterFailure = false;
        }
    }
}
