package id.rekam.app.ports;

import id.rekam.core.diag.DiagnosticReport;
import id.rekam.core.diag.Finding;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The station's diagnostics for the technician's screen: the same engine and checks as
 * {@code rekam diag} (station-diagnostics), run on the station's own devices and unlocked store.
 */
public interface DiagnosticsService {

    /** The areas in the order the screen shows them: scanner, camera, network, store, software. */
    List<String> areas();

    /** News of a running diagnosis, on the diagnostics' threads. */
    interface Progress {
        default void started(String area) {
        }

        /** The technician must act now (place a finger on the scanner). */
        default void prompt(String area, String text) {
        }

        default void finding(Finding finding) {
        }

        /** A test print or test frame, for the screen only: never saved, never in the report. */
        default void image(String findingId, BufferedImage image) {
        }

        default void finished(String area) {
        }
    }

    /** Runs every check (blocks up to ~30 s: call from a worker) and returns the help desk's report. */
    DiagnosticReport run(Progress progress);

    /** Writes the report into {@code folder}: the PDF (with its JSON inside) and the JSON beside it. */
    List<Path> save(DiagnosticReport report, Path folder) throws IOException;
}
