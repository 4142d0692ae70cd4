package id.rekam.app.adapters.store;

import id.rekam.app.ports.PendingExports;
import id.rekam.core.export.ExportException;
import id.rekam.core.export.PendingExport;
import id.rekam.core.store.StationStore;

import java.nio.file.Path;
import java.time.Clock;

/** station-core's {@link PendingExport} on the unlocked store, read at the time of each call. */
final class CorePendingExports implements PendingExports {

    private final StationStore store;

    CorePendingExports(StationStore store) {
        this.store = store;
    }

    @Override
    public PendingExport.Pending pending() {
        return new PendingExport(store, Clock.systemUTC()).pending();
    }

    @Override
    public PendingExport.Result export(Path targetDir, char[] passphrase, String technician,
                                       PendingExport.Progress progress) throws ExportException {
        return new PendingExport(store, Clock.systemUTC()).export(targetDir, passphrase, technician, progress);
    }
}
