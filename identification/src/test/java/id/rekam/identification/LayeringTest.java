package id.rekam.identification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine holds biometric features: it has no UI, and no way to put them on disk or in a
 * log by itself — storage and sealing are the caller's (the snapshot is returned as bytes).
 */
@AnalyzeClasses(packages = "id.rekam.identification", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule noFilesOrLogs = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.nio.file..", "org.slf4j..", "java.util.logging..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter");
}
