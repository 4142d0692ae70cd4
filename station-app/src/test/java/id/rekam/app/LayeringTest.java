package id.rekam.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Screens depend on ports; only the adapters behind the ports and the composition root (the
 * classes of {@code id.rekam.app} itself) may touch station-core's store and station-devices.
 * Ports and the logic behind the screens do not depend on JavaFX; no package cycles.
 */
class LayeringTest {

    static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.rekam.app");
    /** The composition root: the package itself, not its sub-packages. */
    static final String ROOT = "id.rekam.app";
    static final String ADAPTERS = "id.rekam.app.adapters..";

    @Test
    void portsKnowNeitherJavaFxNorTheirAdapters() {
        noClasses().that().resideInAPackage("id.rekam.app.ports..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", ADAPTERS, "id.rekam.devices..",
                        "id.rekam.core.store..")
                .check(APP);
    }

    /** An allow-list: any package but the adapters and the root (screens, ports, helpers, a package added later) is held to it. */
    @Test
    void onlyAdaptersAndTheCompositionRootTouchTheStoreAndTheDevices() {
        noClasses().that().resideOutsideOfPackages(ROOT, ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("id.rekam.core.store..", "id.rekam.devices..",
                        "id.rekam.diag..", ADAPTERS)
                .check(APP);
    }

    @Test
    void adaptersAndDeskLogicAreFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage(ADAPTERS, "id.rekam.app.ports..", "id.rekam.app.receipt..")
                .or().haveFullyQualifiedName("id.rekam.app.commit.CommitFlow")
                .or().haveFullyQualifiedName("id.rekam.app.commit.DuplicateCheck")
                .or().haveFullyQualifiedName("id.rekam.app.enroll.BiodataValidator")
                .or().haveFullyQualifiedName("id.rekam.app.enroll.EnrollmentSession")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(APP);
    }

    /** Demo mode, the reference server and the fault-injecting proxy live in modules the station does not ship. */
    @Test
    void theStationKnowsNeitherTheDemoNorTheServerNorTheFaultProxy() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("id.rekam.demo..", "id.rekam.server..",
                        "id.rekam.netfaults..")
                .check(APP);
    }

    /** Every package of the app is its own slice (adapters.store, ui, enroll, ...); the root sits above them all. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("id.rekam.app.(**)").should().beFreeOfCycles().check(APP);
    }

    /**
     * The root's wiring is used by nobody below it: sub-packages may read the configuration and
     * the services record (AppConfig, StationServices) and the shared clocks and formats, not
     * start or wire the station.
     */
    @Test
    void nothingBelowTheRootReachesItsWiring() {
        noClasses().that().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().haveFullyQualifiedName(Main.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(StationApp.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Bootstrap.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(DemoMode.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ViewWarmup.class.getName())
                .check(APP);
    }
}
