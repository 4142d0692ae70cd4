package id.rekam.app.adapters.sync;

import id.rekam.app.ports.SyncPort;
import id.rekam.app.ports.TeamRelay;
import id.rekam.core.store.StationStore;
import id.rekam.sync.Messages;
import id.rekam.sync.SyncConfig;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.SyncListener;
import id.rekam.sync.SyncService;
import id.rekam.sync.SyncStatus;
import id.rekam.sync.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sync-client's {@link SyncService} behind the app's {@link SyncPort}. It delivers from the
 * store the station has unlocked, which the composition root hands it as {@code openStore}
 * (the store gateway's own record of it): the screens' store port never has to be unwrapped.
 */
public final class StationSync implements SyncPort {

    private static final Logger LOG = LoggerFactory.getLogger(StationSync.class);

    private final Supplier<Optional<SyncConfig>> config;
    private final Supplier<Optional<StationStore>> openStore;
    private final Locale locale;
    private final Consumer<StationStore> prepare;
    private volatile boolean configured;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncService service;
    private volatile SyncStatus last;

    /**
     * @param config read when the store is unlocked, so a station provisioned in this session
     *               (settings written after start-up) starts delivering without a restart
     */
    public StationSync(Supplier<Optional<SyncConfig>> config, Supplier<Optional<StationStore>> openStore,
                       Locale locale) {
        this(config, config.get().isPresent(), openStore, locale, s -> { });
    }

    /** A station that records offline: no central server, nothing is ever delivered. */
    public static StationSync offline(Locale locale) {
        return new StationSync(Optional::empty, Optional::empty, locale);
    }

    /**
     * @param configuredNow what {@link #configured()} says until {@link #start} reads the config
     *                      (the FX thread asks it; it must not wait for a server to start)
     * @param prepare       runs on the opened store before delivery starts (demo mode enrols it)
     */
    public StationSync(Supplier<Optional<SyncConfig>> config, boolean configuredNow,
                       Supplier<Optional<StationStore>> openStore, Locale locale, Consumer<StationStore> prepare) {
        this.config = config;
        this.openStore = openStore;
        this.configured = configuredNow;
        this.locale = locale;
        this.prepare = prepare;
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public synchronized void start() {
        if (service != null) {
            return;
        }
        Optional<SyncConfig> c = config.get();
        configured = c.isPresent();
        Optional<StationStore> open = openStore.get();
        if (c.isEmpty() || open.isEmpty()) {
            return;
        }
        StationStore store = open.get();
        prepare.accept(store);
        // Records approved while the station had no server (or by an older version) join the queue now.
        int queued = store.outbox().enqueueAllApproved("sync");
        if (queued > 0) {
            LOG.info("{} approved records queued for delivery", queued);
        }
        // The desk exchanges its team's coverage tallies at the end of a pass (issue 16).
        SyncService s = new SyncService(store, c.get().withTallyExchange(true), Clock.systemUTC(), Backoff.threadLocalRandom(),
                new Messages(locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.forLanguageTag("id-ID")));
        s.addListener(new SyncListener() {
            @Override
            public void statusChanged(SyncStatus status) {
                publish(status);
            }

            @Override
            public void failed(SyncFailure failure, String reason) {
                LOG.info("sync pass failed: {}", failure.kind());
            }
        });
        service = s;
        publish(s.status());
        s.start();
        LOG.info("sync service started towards {}", c.get().server());
    }

    private void publish(SyncStatus s) {
        last = s;
        for (Consumer<SyncStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("sync status listener failed", e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        SyncService s = service;
        service = null;
        if (s != null) {
            s.close();
            LOG.info("sync service stopped");
        }
    }

    @Override
    public Optional<TeamRelay> teamRelay() {
        SyncService s = service;
        return s == null ? Optional.empty() : Optional.of((bundle, passphrase, operator, progress) ->
                s.bundleRelay().relay(bundle, passphrase, operator, progress));
    }

    @Override
    public void pushNow() {
        SyncService s = service;
        if (s != null) {
            s.pushNow();
        }
    }

    @Override
    public Optional<SyncStatus> status() {
        SyncService s = service;
        if (s != null) {
            // Counts straight from the outbox: records saved since the last pass show up at once.
            last = s.status();
        }
        return Optional.ofNullable(last);
    }

    @Override
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }
}
