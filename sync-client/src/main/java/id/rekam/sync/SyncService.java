package id.rekam.sync;

import id.rekam.core.outbox.OutboxState;
import id.rekam.core.store.DeliveryStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.sync.api.CentralApi;
import id.rekam.sync.api.ServerVerifier;
import id.rekam.sync.http.HttpClients;
import id.rekam.sync.retry.Backoff;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/**
 * The background delivery service inside the station app (and behind the CLI's {@code run}).
 * One loop thread runs {@link DrainPass}es; after a failure it waits per {@link Backoff}, after
 * a clean pass {@code pollInterval} (or until {@link #pushNow()}). {@link #stop()} cancels the
 * HTTP calls in flight: the store is consistent at every instant, because each state change is
 * one transaction and an upload offset is stored only after the server confirmed it.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final StationSide store;
    private final SyncConfig config;
    private final Clock clock;
    private final Backoff backoff;
    private final Messages messages;
    private final OkHttpClient http;
    private final ExecutorService workers;
    private final PacketUploader uploader;
    private final DrainPass pass;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    /** Serialises passes: the loop's and a caller's {@link #runOnce()}. */
    private final Object passLock = new Object();

    private volatile boolean stopping;
    private volatile boolean kicked;
    private volatile Thread loop;
    private final LastContact lastContact;
    private volatile Instant nextRetry;
    private volatile String lastFailure;
    private volatile boolean lastPassDrained;
    /** The server's crypto-erase was carried out: the store is closed. */
    private volatile boolean erased;
    private final CentralApi api;

    public SyncService(StationStore store, SyncConfig config) {
        this(store, config, Clock.systemUTC(), Backoff.threadLocalRandom(), Messages.indonesian());
    }

    public SyncService(StationStore store, SyncConfig config, Clock clock, LongUnaryOperator random,
                       Messages messages) {
        this(store, config, clock, random, messages,
                HttpClients.builder(config, store.stationId(), store::signRequest, clock).build());
    }

    /** With a prepared client (tests and benchmarks add their own TLS trust or event listeners). */
    public SyncService(StationStore store, SyncConfig config, Clock clock, LongUnaryOperator random,
                       Messages messages, OkHttpClient http) {
        this(new UnlockedSide(store), config, clock, random, messages, http);
    }

    /**
     * The sync service without the passphrase: sealed packets from the locked store, requests signed
     * with the service's own transport key (docs/sync-protocol.md §2.1).
     */
    public static SyncService locked(DeliveryStore store, TransportKey key, SyncConfig config, Clock clock,
                                     LongUnaryOperator random, Messages messages) {
        return new SyncService(new LockedSide(store), config, clock, random, messages,
                HttpClients.builder(config, store.stationId(), key, clock).build());
    }

    public SyncService(StationSide store, SyncConfig config, Clock clock, LongUnaryOperator random,
                       Messages messages, OkHttpClient http) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.backoff = new Backoff(config.backoffBase(), config.backoffCap(), random);
        this.messages = messages;
        this.lastContact = new LastContact(clock, store.dataDir());
        OkHttpClient.Builder withContact = http.newBuilder();
        // Outermost: only answers that passed the validation count as the server's.
        withContact.interceptors().add(0, lastContact.interceptor());
        this.http = withContact.build();
        CentralApi api = new CentralApi(this.http, config.server(), new ServerVerifier(store.stationId(),
                () -> store.serverTrust().map(ServerTrust::keys).map(ServerKeys::signingKey).orElse(null)));
        this.workers = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "rekam-sync-upload");
            t.setDaemon(true);
            return t;
        });
        this.api = api;
        this.uploader = new PacketUploader(store, api, config.chunkSize(), () -> stopping);
        // The team's tally exchange reads and writes sealed coverage: only with the unlocked store.
        this.pass = new DrainPass(store, api, new EventPusher(store, api), uploader,
                new FeedPuller(store, api), workers, config.concurrency(), config.retention(),
                config.tallyExchange() && store instanceof UnlockedSide unlocked
                        ? new id.rekam.sync.relay.TallyExchange(unlocked.store(), new id.rekam.sync.api.RelayClient(api),
                        clock) : null);
    }

    /** Forwards team members' safety bundles over this service's signed, pinned client (unlocked store only). */
    public id.rekam.sync.relay.BundleRelay bundleRelay() {
        if (!(store instanceof UnlockedSide unlocked)) {
            throw new IllegalStateException("relaying a team member's bundle needs the unlocked station store");
        }
        return new id.rekam.sync.relay.BundleRelay(unlocked.store(), new id.rekam.sync.api.RelayClient(api), clock);
    }

    public void addListener(SyncListener l) {
        listeners.add(l);
    }

    public void removeListener(SyncListener l) {
        listeners.remove(l);
    }

    /** PATCH body bytes sent so far (retries included). */
    public long bytesSent() {
        return uploader.bytesSent();
    }

    /** One pass now, on the caller's thread (CLI {@code push-now}). */
    public DrainPass.Result runOnce() throws SyncFailure {
        synchronized (passLock) {
            try {
                DrainPass.Result r = pass.run();
                lastFailure = null;
                nextRetry = null;
                lastPassDrained = status().drained();
                publish();
                return r;
            } catch (SyncFailure f) {
                if (f.kind() == SyncFailure.Kind.REVOKED && f.notice().isPresent() && store.revoked(f.notice().get())) {
                    // Crypto-erased on the server's word: nothing is left to deliver from here.
                    erased = true;
                    stopping = true;
                }
                lastFailure = messages.reason(f);
                lastPassDrained = false;
                listeners.forEach(l -> l.failed(f, lastFailure));
                if (!erased) {
                    publish();
                }
                throw f;
            }
        }
    }

    public synchronized void start() {
        if (loop != null) {
            return;
        }
        stopping = false;
        Thread t = new Thread(this::loop, "rekam-sync");
        t.setDaemon(true);
        loop = t;
        t.start();
    }

    /** Asks for a pass now instead of at the next poll or retry time. */
    public void pushNow() {
        lock.lock();
        try {
            kicked = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        int attempt = 0;
        while (!stopping) {
            Duration pause;
            try {
                DrainPass.Result r = runOnce();
                attempt = 0;
                pause = r.progressed() && !lastPassDrained ? Duration.ZERO : config.pollInterval();
            } catch (SyncFailure f) {
                if (stopping) {
                    break;
                }
                pause = backoff.delay(attempt, f.retryAfter().orElse(null));
                attempt = Math.min(attempt + 1, 30);
                nextRetry = clock.instant().plus(pause);
                LOG.info("sync pass failed ({}: {}); next try in {} ms", f.kind(), f.detail(), pause.toMillis());
                publish();
            } catch (RuntimeException e) {
                LOG.error("sync pass failed unexpectedly", e);
                SyncFailure f = new SyncFailure(SyncFailure.Kind.STORE, String.valueOf(e.getMessage()), null, e);
                lastFailure = messages.reason(f);
                pause = backoff.delay(attempt, null);
                attempt = Math.min(attempt + 1, 30);
                nextRetry = clock.instant().plus(pause);
                publish();
            }
            sleep(pause);
        }
    }

    private void sleep(Duration d) {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (!stopping && !kicked && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            kicked = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /** True once a pass finished cleanly with nothing left to send or to hear back about. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (lastPassDrained && lastFailure == null) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** True once the server's crypto-erase was carried out (the store is gone; the service stopped). */
    public boolean erased() {
        return erased;
    }

    public SyncStatus status() {
        if (erased) {
            return new SyncStatus(0, 0, 0, 0, 0, 0, 0, 0, lastContact.get(), null, lastFailure, false);
        }
        Map<OutboxState, Long> n = store.countByState();
        return new SyncStatus(n.get(OutboxState.QUEUED), n.get(OutboxState.UPLOADING), n.get(OutboxState.ACKNOWLEDGED),
                n.get(OutboxState.CONFIRMED) + n.get(OutboxState.PRINT_READY), n.get(OutboxState.PRINT_READY),
                n.get(OutboxState.DUPLICATE), n.get(OutboxState.REJECTED),
                n.get(OutboxState.NEEDS_ATTENTION) + store.eventsNeedingAttention(),
                lastContact.get(), nextRetry, lastFailure, loop != null && !stopping);
    }

    private void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        SyncStatus s = status();
        for (SyncListener l : listeners) {
            try {
                l.statusChanged(s);
            } catch (RuntimeException e) {
                LOG.warn("sync listener failed", e);
            }
        }
    }

    /** Stops the loop and cancels the requests in flight; returns when the loop has ended. */
    public void stop() {
        stopping = true;
        pushNow();
        http.dispatcher().cancelAll();
        Thread t = loop;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loop = null;
    }

    @Override
    public void close() {
        stop();
        workers.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
