package id.rekam.app.adapters.store;

import id.rekam.app.adapters.MemorySettle;
import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.StoreGateway;
import id.rekam.core.auth.PassphrasePolicy;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens station-core's encrypted {@link StationStore}; on a new station the passphrase creates it.
 * It also knows which store is open now: the adapters that work on the unlocked store beside the
 * screens (delivery, provisioning) take it from {@link #opened()}, never from the screens' port.
 */
public final class CoreStoreGateway implements StoreGateway {

    private final Path dataDir;
    private final String stationId;
    private final StoreOptions options;
    private final Consumer<StationStore> afterOpen;
    private volatile StationStore opened;

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
    public java.util.Optional<PassphrasePolicy.Weakness> newStoreWeakness(char[] passphrase) {
        return PassphrasePolicy.weakness(passphrase, java.util.List.of(stationId));
    }

    @Override
    public OpenStore unlock(char[] passphrase) throws StoreGateway.WrongPassphraseException {
        try {
            if (!exists()) {
                newStoreWeakness(passphrase).ifPresent(w -> {
                    throw new StoreGateway.WeakPassphraseException(w);
                });
            }
            StationStore store = exists() ? StationStore.open(dataDir, passphrase, options)
                    : StationStore.initialise(dataDir, passphrase, stationId, options);
            afterOpen.accept(store);
            warmSearch(store);
            return adopt(store);
        } catch (id.rekam.core.store.WrongPassphraseException e) {
            throw new StoreGateway.WrongPassphraseException(e.getMessage(), e);
        }
    }

    /**
     * Loads the search index in the background right after unlock (login and home come first),
     * so the first search of the session does not pay for it.
     */
    private static void warmSearch(StationStore store) {
        Thread t = new Thread(() -> {
            try {
                store.warmSearchIndex();
                MemorySettle.afterBulkWork();
            } catch (RuntimeException e) {
                // Closed meanwhile (locked again): the next search loads it.
            }
        }, "rekam-search-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** A store opened elsewhere (the provisioning wizard creates one) becomes the open store. */
    public OpenStore adopt(StationStore store) {
        opened = store;
        return new CoreOpenStore(store, () -> {
            if (opened == store) {
                opened = null;
            }
        });
    }

    /** The store unlocked through this gateway, until it is closed. */
    public Optional<StationStore> opened() {
        return Optional.ofNullable(opened);
    }

    /** Where the store lives, and how new ones are made (the provisioning wizard creates one there). */
    public Path dataDir() {
        return dataDir;
    }

    public StoreOptions options() {
        return options;
    }
}
