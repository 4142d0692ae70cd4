package id.rekam.app.ports;

import id.rekam.core.export.ExportException;
import id.rekam.core.export.PendingExport;

import java.nio.file.Path;

/**
 * Before a station moves to another office without network: what the central server has not
 * received, and its export as an encrypted, signed bundle ({@link PendingExport}).
 */
public interface PendingExports {

    PendingExport.Pending pending();

    /** Writes every pending packet and event to {@code targetDir}; they move to EXPORTED. */
    PendingExport.Result export(Path targetDir, char[] passphrase, String technician, PendingExport.Progress progress)
            throws ExportException;
}
