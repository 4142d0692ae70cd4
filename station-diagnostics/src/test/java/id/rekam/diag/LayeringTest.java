package id.rekam.diag;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The diagnostics are a no-UI module the station ships: no JavaFX, no app, no reference server, no demo. */
class LayeringTest {

    static final JavaClasses DIAG = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.rekam.diag");

    @Test
    void noUiNoAppNoServerNoDemo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "id.rekam.app..", "id.rekam.server..",
                "id.rekam.demo..", "id.rekam.netfaults..", "id.rekam.fixtures..").check(DIAG);
    }

    /** The engine knows no check; the checks know no command line. */
    @Test
    void theEngineStandsAloneAndChecksKnowNoCommandLine() {
        // StationDiagnostics is the one place that decides which checks a station runs.
        noClasses().that().resideInAPackage("id.rekam.diag").and().doNotHaveSimpleName("StationDiagnostics")
                .should().dependOnClassesThat()
                .resideInAnyPackage("id.rekam.diag.scanner..", "id.rekam.diag.camera..", "id.rekam.diag.network..",
                        "id.rekam.diag.store..", "id.rekam.diag.cli..", "picocli..")
                .check(DIAG);
        noClasses().that().resideOutsideOfPackage("id.rekam.diag.cli..").should().dependOnClassesThat()
                .resideInAPackage("picocli..").check(DIAG);
    }
}
