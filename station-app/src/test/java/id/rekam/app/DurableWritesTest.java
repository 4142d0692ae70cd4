package id.rekam.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.rekam.core.io.DurableFiles;
import org.junit.jupiter.api.Test;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Everything the station ships (core, devices, sync client, reports, the app) writes files
 * outside SQLite through one helper, {@link DurableFiles} (temp, fsync, rename, fsync of the
 * directory): no other class renames a file into place or opens a file for writing itself.
 * Documents are rendered to memory (PDFBox into a byte array) and saved through the helper too.
 */
class DurableWritesTest {

    static final JavaClasses SHIPPED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.rekam.core", "id.rekam.devices", "id.rekam.sync", "id.rekam.reports", "id.rekam.app");

    @Test
    void onlyTheHelperRenamesOrWritesFiles() {
        noClasses().that().doNotHaveFullyQualifiedName(DurableFiles.class.getName())
                .should().callMethod(Files.class, "move", Path.class, Path.class, java.nio.file.CopyOption[].class)
                .orShould().callMethod(Files.class, "write", Path.class, byte[].class, java.nio.file.OpenOption[].class)
                .orShould().callMethod(Files.class, "writeString", Path.class, CharSequence.class,
                        java.nio.file.OpenOption[].class)
                .orShould().callMethod(Files.class, "writeString", Path.class, CharSequence.class,
                        java.nio.charset.Charset.class, java.nio.file.OpenOption[].class)
                .orShould().callMethod(Files.class, "newOutputStream", Path.class, java.nio.file.OpenOption[].class)
                .orShould().callConstructor(FileOutputStream.class, java.io.File.class)
                .orShould().callConstructor(FileOutputStream.class, String.class)
                .because("a crash must leave the old file or the new one, never a torn one (DurableFiles)")
                .check(SHIPPED);
    }
}
