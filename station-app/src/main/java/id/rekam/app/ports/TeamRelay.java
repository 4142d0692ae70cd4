package id.rekam.app.ports;

import id.rekam.core.export.PendingExport;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.relay.BundleRelay;

import java.nio.file.Path;

/** Forwards a team member's safety bundle to the central server over this station's network. */
@FunctionalInterface
public interface TeamRelay {

    BundleRelay.Result relay(Path bundle, char[] passphrase, String operator, PendingExport.Progress progress)
            throws BundleRelay.Refused, SyncFailure;
}
