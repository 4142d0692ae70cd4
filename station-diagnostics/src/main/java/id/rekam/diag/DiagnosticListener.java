package id.rekam.diag;

import id.rekam.core.diag.Finding;

import java.awt.image.BufferedImage;

/** Progress of a run, on the checks' threads: a screen hands it over to its UI thread. */
public interface DiagnosticListener {

    DiagnosticListener NONE = new DiagnosticListener() {
    };

    /** A check started (the screen shows its area as running). */
    default void started(String area) {
    }

    /** The check waits for the technician (e.g. "place a finger on the scanner now"). */
    default void prompt(String area, String text) {
    }

    default void finding(Finding finding) {
    }

    default void image(String findingId, BufferedImage image) {
    }

    /** A check ended, or the engine stopped waiting for it. */
    default void finished(String area) {
    }
}
