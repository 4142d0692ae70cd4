package id.rekam.devices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Devices are used by the JavaFX app but must not depend on it: the UI feeds them, not the reverse. */
@AnalyzeClasses(packages = "id.rekam.devices", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class NoJavaFxTest {

    @ArchTest
    static final ArchRule devicesImportNoJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule spiDoesNotDependOnImplementations = noClasses().that().resideInAPackage("id.rekam.devices")
            .should().dependOnClassesThat().resideInAnyPackage("id.rekam.devices.scanner..", "id.rekam.devices.camera..");
}
