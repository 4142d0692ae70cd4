package id.rekam.reports;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Documents are rendered without a UI toolkit, so a server or CLI can print them too. */
@AnalyzeClasses(packages = "id.rekam.reports", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule reportsImportNoJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..");
}
