package id.rekam.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Screens depend on ports; ports and the logic behind the screens do not depend on JavaFX or on adapters. */
class LayeringTest {

    static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.rekam.app");

    @Test
    void portsKnowNeitherJavaFxNorTheirAdapters() {
        noClasses().that().resideInAPackage("id.rekam.app.service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "id.rekam.app.core..",
                        "id.rekam.app.devices..", "id.rekam.devices..", "id.rekam.core.store..")
                .check(APP);
    }

    @Test
    void adaptersAndDeskLogicAreFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("id.rekam.app.core..", "id.rekam.app.devices..", "id.rekam.app.demo..",
                        "id.rekam.app.receipt..")
                .or().haveFullyQualifiedName("id.rekam.app.commit.CommitFlow")
                .or().haveFullyQualifiedName("id.rekam.app.commit.DuplicateCheck")
                .or().haveFullyQualifiedName("id.rekam.app.enroll.BiodataValidator")
                .or().haveFullyQualifiedName("id.rekam.app.enroll.EnrollmentSession")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(APP);
    }

    @Test
    void onlyDemoModeKnowsTheCentralServer() {
        noClasses().that().resideOutsideOfPackage("id.rekam.app.demo..")
                .should().dependOnClassesThat().resideInAPackage("id.rekam.server..")
                .check(APP);
    }

    @Test
    void screensReachTheStoreAndDevicesOnlyThroughPorts() {
        noClasses().that().resideInAnyPackage("id.rekam.app.ui..", "id.rekam.app.enroll..", "id.rekam.app.photo..",
                        "id.rekam.app.finger..", "id.rekam.app.signature..", "id.rekam.app.commit..")
                .should().dependOnClassesThat().resideInAnyPackage("id.rekam.core.store..", "id.rekam.devices..",
                        "id.rekam.app.core..", "id.rekam.app.devices..")
                .check(APP);
    }
}
