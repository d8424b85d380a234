package labkit.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the allowlist's lines read; the lists themselves are tested against every sample in AllowlistScanTests. */
class AllowlistTests {

    @Test
    @DisplayName("a line the format does not know is a mistake of the kit, naming the file and line")
    void unknownLineIsAKitError() {
        assertThatThrownBy(() -> Allowlist.of("test.txt", List.of("# fine", "permit java/util/*")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.txt:2: expected allow, deny, bootstrap or reason, found \"permit java/util/*\"");
        assertThatThrownBy(() -> Allowlist.of("test.txt", List.of("deny java/lang/System exit")))
                .hasMessage("test.txt:1: expected a reason after \" : \", found \"deny java/lang/System exit\"");
    }

    @Test
    @DisplayName("a/b/* is one package, a/b/** its subpackages too, a/b/C the class and its nested classes")
    void patterns() {
        Allowlist list = Allowlist.of("test.txt", List.of("allow java/util/*", "allow java/time/**", "allow java/lang/Thread",
                "allow java/lang/*Error"));
        assertThat(list.typeRefusal("java/util/Map$Entry")).isNull();
        assertThat(list.typeRefusal("java/util/logging/Logger")).isEqualTo(Allowlist.UNLISTED);
        assertThat(list.typeRefusal("java/time/temporal/ChronoUnit")).isNull();
        assertThat(list.typeRefusal("java/lang/Thread$State")).isNull();
        assertThat(list.typeRefusal("java/lang/ThreadGroup")).isEqualTo(Allowlist.UNLISTED);
        assertThat(list.typeRefusal("java/lang/AssertionError")).isNull();
        assertThat(list.typeRefusal("java/lang/reflect/InvocationTargetError")).isEqualTo(Allowlist.UNLISTED);
    }

    @Test
    @DisplayName("a line naming a class's only members wins over a wider line; a deny wins over both")
    void onlyMembersAndDenies() {
        Allowlist list = Allowlist.of("test.txt", List.of("allow java/lang/*", "allow java/lang/Runtime getRuntime",
                "deny java/lang/Runtime getRuntime(I : made up", "deny java/lang/Process : starting processes"));
        assertThat(list.allowsMember("java/lang/Runtime", "getRuntime")).isTrue();
        assertThat(list.allowsMember("java/lang/Runtime", "exec")).isFalse();
        assertThat(list.allowsMember("java/lang/String", "length")).isTrue();
        assertThat(list.memberDenial("java/lang/Runtime", "getRuntime", "(I)V")).isEqualTo("made up");
        assertThat(list.memberDenial("java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;")).isNull();
        assertThat(list.typeRefusal("java/lang/Process")).isEqualTo("starting processes");
    }

    @Test
    @DisplayName("the most specific reason line gives the words")
    void mostSpecificReason() {
        Allowlist list = Allowlist.of("test.txt", List.of("reason java/io/** : file access",
                "reason java/io/FileDescriptor : writing to the grader's streams"));
        assertThat(list.reasonFor("java/io/FileDescriptor")).isEqualTo("writing to the grader's streams");
        assertThat(list.reasonFor("java/io/RandomAccessFile")).isEqualTo("file access");
        assertThat(list.reasonFor("javax/swing/JFrame")).isEqualTo(Allowlist.UNLISTED);
    }

    @Test
    @DisplayName("a lab's own list adds to the base list for that lab only")
    void labAdditions() {
        assertThat(Allowlist.forLab("fetcher").typeRefusal("java/net/http/HttpClient")).isNull();
        assertThat(Allowlist.forLab("counter").typeRefusal("java/net/http/HttpClient")).isEqualTo("opening connections");
        assertThat(Allowlist.forLab("counter").typeRefusal("java/util/concurrent/locks/ReentrantLock")).isNull();
    }
}
