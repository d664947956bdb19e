package dev.starling.conformance.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules of ARCHITECTURE.md, checked on the compiled production classes: the pure
 * modules (protocol-model, codecs, state-machines) touch no socket, file, thread, clock, random
 * source or synchronization, and modules depend only in the allowed direction.
 */
class ArchitectureTest {

    private static final String MODEL = "dev.starling.model..";
    private static final String CODECS = "dev.starling.codec..";
    private static final String MACHINES = "dev.starling.machine..";
    private static final String IO = "dev.starling.io..";
    private static final String CONFORMANCE = "dev.starling.conformance..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.starling");
    }

    @Test
    void pureModulesDoNoIoAndUseNoThreadsClocksOrRandomness() {
        ArchRule rule = noClasses().that().resideInAnyPackage(MODEL, CODECS, MACHINES)
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..", "java.nio.file..",
                        "java.util.concurrent..", "reactor..", "io.netty..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .because("protocol-model, codecs and state-machines are pure: time and randomness come in as inputs");
        rule.check(classes);
    }

    @Test
    void theModelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage(CODECS, MACHINES, IO, CONFORMANCE)
                .check(classes);
    }

    @Test
    void codecsAndMachinesDoNotDependOnEachOtherOrOnTheShell() {
        noClasses().that().resideInAPackage(CODECS)
                .should().dependOnClassesThat().resideInAnyPackage(MACHINES, IO, CONFORMANCE)
                .check(classes);
        noClasses().that().resideInAPackage(MACHINES)
                .should().dependOnClassesThat().resideInAnyPackage(CODECS, IO, CONFORMANCE)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theShellDoesNotDependOnTheConformanceSuite() {
        noClasses().that().resideInAPackage(IO)
                .should().dependOnClassesThat().resideInAPackage(CONFORMANCE)
                .allowEmptyShould(true)
                .check(classes);
    }
}
