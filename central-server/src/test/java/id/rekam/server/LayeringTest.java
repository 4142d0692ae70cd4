package id.rekam.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class LayeringTest {

    // Import the module's own output only: scanning the whole class path costs tens of seconds.
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(CentralServer.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void serverUsesNoUiAndNoClientLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..")
                .check(classes);
    }

    /** Only the HTTP adapter and the wiring know the JDK server; the rest sees Request/Response. */
    @Test
    void jdkHttpServerStaysAtTheEdge() {
        noClasses().that().resideOutsideOfPackages("id.rekam.server.http")
                .and().doNotHaveFullyQualifiedName(CentralServer.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..")
                .check(classes);
    }

    /** Domain services do not reach up into the wiring or the CLI. */
    @Test
    void servicesDoNotDependOnWiring() {
        noClasses().that().resideInAnyPackage("id.rekam.server.packets..", "id.rekam.server.dedup..",
                        "id.rekam.server.feed..", "id.rekam.server.events..", "id.rekam.server.stations..",
                        "id.rekam.server.store..", "id.rekam.server.auth..", "id.rekam.server.tus..")
                .should().dependOnClassesThat().haveFullyQualifiedName(CentralServer.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CentralServerMain.class.getName())
                .check(classes);
    }
}
