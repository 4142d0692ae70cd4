package id.rekam.sync;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("id.rekam.sync");

    @Test
    void syncClientImportsNoJavaFx() {
        noClasses().that().resideInAPackage("id.rekam.sync..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void syncClientDoesNotReachIntoTheServer() {
        noClasses().that().resideInAPackage("id.rekam.sync..")
                .should().dependOnClassesThat().resideInAPackage("id.rekam.server..").check(classes);
    }
}
