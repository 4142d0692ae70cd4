package id.rekam.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core is the part every other module trusts; it must stay free of UI and HTTP. */
@AnalyzeClasses(packages = "id.rekam.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule coreImportsNoJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule coreImportsNoOkHttp = noClasses().should().dependOnClassesThat().resideInAPackage("okhttp3..");

    /** Demo data, test fixtures and the technicians' command lines live in station-fixtures and station-tools. */
    @ArchTest
    static final ArchRule coreCarriesNoDemoFixturesOrTools = noClasses().should()
            .resideInAnyPackage("id.rekam.core.demo..", "id.rekam.core.cli..", "id.rekam.core.region.tools..")
            .orShould().dependOnClassesThat().resideInAnyPackage("id.rekam.fixtures..", "id.rekam.tools..", "picocli..");
}
