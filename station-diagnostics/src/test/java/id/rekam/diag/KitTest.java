package id.rekam.diag;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test on a {@link DiagKit} station in its own directory, closed after each test. */
abstract class KitTest {

    @TempDir
    Path dir;
    DiagKit kit;

    @AfterEach
    void closeKit() {
        if (kit != null) {
            kit.close();
        }
    }
}
