package labkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The direction of dependencies that keeps the engine ignorant of every lab and the suites off its
 * internals. The labs are found from the packages ({@code labkit.suites.<lab>}), never listed, so
 * a lab added with scripts/new-lab.sh is under every rule the day it is made.
 */
class ArchitectureTests {

    private static final String SUITES = "labkit.suites.";

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("labkit", "lab");

    /** The labs: every package directly under labkit.suites that holds a class. */
    static Set<String> labs(JavaClasses kit) {
        Set<String> labs = new TreeSet<>();
        for (JavaClass c : kit) {
            String pkg = c.getPackageName();
            if (pkg.startsWith(SUITES)) {
                labs.add(pkg.substring(SUITES.length()).split("\\.")[0]);
            }
        }
        return labs;
    }

    @Test
    void theLabsAreFoundFromThePackages() {
        assertThat(labs(KIT)).contains("counter", "pool", "buffer", "fetcher", "latch");
    }

    @Test
    void theEngineKnowsNoLab() {
        noClasses().that().resideInAPackage("labkit.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("labkit.suites..", "lab..")
                .because("adding a lab must not change the engine")
                .check(KIT);
    }

    @Test
    void suitesUseOnlyThePublicApi() {
        noClasses().that().resideInAPackage("labkit.suites..")
                .should().dependOnClassesThat().resideInAPackage("labkit.engine..")
                .because("labkit.api is the suites' whole vocabulary; the engine is internal")
                .check(KIT);
    }

    @Test
    void suitesDoNotUseEachOther() {
        slices().matching("labkit.suites.(*)..").should().notDependOnEachOther()
                .because("what suites share belongs to labkit.api")
                .check(KIT);
    }

    /** Per lab: its suite uses its own contract, the API, the JDK and the test libraries, nothing else. */
    @TestFactory
    Stream<DynamicTest> eachSuiteUsesOnlyItsOwnLabAndTheApi() {
        return labs(KIT).stream().map(lab -> DynamicTest.dynamicTest(lab, () -> classes()
                .that().resideInAPackage(SUITES + lab + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(SUITES + lab + "..", "lab." + lab + "..",
                        "labkit.api..", "java..", "javax..", "com.tngtech.archunit..", "org.assertj..",
                        "org.awaitility..", "org.junit..")
                .because("a suite grades one lab through the public API")
                .check(KIT)));
    }

    @Test
    void theApiDoesNotReachIntoTheGradingProcess() {
        noClasses().that().resideInAPackage("labkit.api..")
                .should().dependOnClassesThat().resideInAnyPackage("labkit.engine.grade..", "labkit.engine.report..", "labkit.suites..")
                .check(KIT);
    }
}
