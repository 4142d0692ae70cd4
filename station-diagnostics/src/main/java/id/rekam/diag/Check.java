package id.rekam.diag;

import java.time.Duration;

/**
 * One area of the diagnostics (scanner, camera, network, store, software; the installer's
 * self-test adds its own). Reports its findings through the {@link Probe} as it goes, so a screen
 * shows them one by one. Bounds every wait of its own; the engine in addition stops waiting for
 * the whole check after {@link #budget()}, so a stuck driver call can never hang a run.
 */
public interface Check {

    /** Short stable name; the prefix of its findings' ids. */
    String area();

    /** How long the engine waits for this check before reporting it as not answering. */
    Duration budget();

    /** Runs the check; an exception becomes a failed finding naming it. */
    void run(Probe probe) throws Exception;
}
