package id.rekam.app.core;

import id.rekam.app.service.OpenStore;
import id.rekam.app.service.StoreGateway;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens station-core's encrypted {@link StationStore}; on a new station the passphrase creates it. */
public final class CoreStoreGateway implements StoreGateway {

    private final Path dataDir;
    private final String stationId;
    private final StoreOptions options;
    private final Consumer<StationStore> afterOpen;

    public CoreStoreGateway(Path dataDir, String stationId, StoreOptions options) {
        this(dataDir, stationId, options, s -> { });
    }

    /** @param afterOpen runs on the opened store before the app uses it (demo mode seeds it) */
    public CoreStoreGateway(Path dataDir, String stationId, StoreOptions options, Consumer<StationStore> afterOpen) {
        this.dataDir = dataDir;
        this.stationId = stationId;
        this.options = options;
        this.afterOpen = afterOpen;
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(dataDir.resolve(StationStore.DB_FILE));
    }

    @Override
    public OpenStore unlock(char[] passphrase) throws StoreGateway.WrongPassphraseException {
        try {
            StationStore store = exists() ? StationStore.open(dataDir, passphrase, options)
                    : StationStore.initialise(dataDir, passphrase, stationId, options);
            afterOpen.accept(store);
            return new CoreOpenStore(store);
        } catch (id.rekam.core.store.WrongPassphraseException e) {
            throw new StoreGateway.WrongPassphraseException(e.getMessage(), e);
        }
    }
}
