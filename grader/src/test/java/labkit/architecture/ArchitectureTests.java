package labkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The direction of dependencies that keeps the engine ignorant of every lab and the suites off its internals. */
class ArchitectureTests {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("labkit", "lab");

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
        for (String lab : new String[] {"counter", "pool", "buffer", "fetcher"}) {
            noClasses().that().resideInAPackage("labkit.suites." + lab + "..")
                    .should().dependOnClassesThat().resideInAPackage("labkit.suites..")
                    .andShould().dependOnClassesThat().resideOutsideOfPackages("labkit.suites." + lab + "..",
                            "labkit.api..", "lab.." , "java..", "javax..", "com.tngtech.archunit..", "org.assertj..",
                            "org.awaitility..", "org.junit..")
                    .allowEmptyShould(true)
                    .because("what suites share belongs to labkit.api")
                    .check(KIT);
        }
    }

    @Test
    void theApiDoesNotReachIntoTheGradingProcess() {
        noClasses().that().resideInAPackage("labkit.api..")
                .should().dependOnClassesThat().resideInAnyPackage("labkit.engine.grade..", "labkit.engine.report..", "labkit.suites..")
                .check(KIT);
    }
}
