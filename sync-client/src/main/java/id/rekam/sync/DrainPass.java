package id.rekam.sync;

import id.rekam.core.outbox.OutboxEntry;
import id.rekam.sync.api.CentralApi;
import id.rekam.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One delivery pass, as a fixed sequence of small steps: probe → the server's keys (learned once,
 * if missing) → fold and seal (unlocked only) → events → packets (oldest first, at most
 * {@code concurrency} at a time) → feedback feed → purge of confirmed payloads → station report
 * (pending count, purges) → audit anchor (unlocked only) → the team's tallies. The first network failure stops new packet uploads (those in flight
 * finish or fail) and ends the pass with that failure; the caller backs off.
 */
public final class DrainPass {

    private static final Logger LOG = LoggerFactory.getLogger(DrainPass.class);
    static final int BATCH = 500;

    public record Result(int events, int delivered, int parked, int verdicts, int purged) {
        public boolean progressed() {
            return events + delivered + parked + verdicts + purged > 0;
        }
    }

    private final StationSide store;
    private final ConnectivityProbe probe;
    private final ServerKeysStep keys;
    private final StationReporter reporter;
    private final EventPusher events;
    private final PacketUploader uploader;
    private final FeedPuller feed;
    private final id.rekam.sync.relay.TallyExchange tallies;
    private final AuditAnchoring anchoring;
    private final ExecutorService workers;
    private final int concurrency;
    private final Duration retention;

    public DrainPass(StationSide store, CentralApi api, EventPusher events, PacketUploader uploader,
                     FeedPuller feed, ExecutorService workers, int concurrency, Duration retention) {
        this(store, api, events, uploader, feed, workers, concurrency, retention, null);
    }

    /** @param tallies the team's coverage exchange, last step of a pass; null for none */
    public DrainPass(StationSide store, CentralApi api, EventPusher events, PacketUploader uploader,
                     FeedPuller feed, ExecutorService workers, int concurrency, Duration retention,
                     id.rekam.sync.relay.TallyExchange tallies) {
        this.tallies = tallies;
        // Keeping the server's receipt is an audited change: only the unlocked store anchors.
        this.anchoring = store instanceof UnlockedSide unlocked ? new AuditAnchoring(unlocked.store(), api) : null;
        this.store = store;
        this.probe = new ConnectivityProbe(api);
        this.keys = new ServerKeysStep(store, api);
        this.reporter = new StationReporter(store, api);
        this.events = events;
        this.uploader = uploader;
        this.feed = feed;
        this.workers = workers;
        this.concurrency = concurrency;
        this.retention = retention;
    }

    public Result run() throws SyncFailure {
        try {
            probe.check();
            keys.ensure();
            store.prepare();
            int sentEvents = events.push();
            int[] packets = packets();
            int verdicts = feed.pull();
            int purged = store.purge(retention);
            reporter.report();
            if (anchoring != null) {
                anchoring.anchor();
            }
            if (tallies != null) {
                tallies.exchange();
            }
            return new Result(sentEvents, packets[0], packets[1], verdicts, purged);
        } catch (StoreException e) {
            throw new SyncFailure(SyncFailure.Kind.STORE, e.getMessage(), null, e);
        }
    }

    private int[] packets() throws SyncFailure {
        int delivered = 0;
        int parked = 0;
        List<String> seen = new ArrayList<>();
        while (true) {
            List<OutboxEntry> batch = store.deliverable(BATCH).stream()
                    .filter(e -> !seen.contains(e.packetId())).toList();
            if (batch.isEmpty()) {
                return new int[] {delivered, parked};
            }
            batch.forEach(e -> seen.add(e.packetId()));
            ConcurrentLinkedQueue<OutboxEntry> queue = new ConcurrentLinkedQueue<>(batch);
            AtomicReference<SyncFailure> failure = new AtomicReference<>();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger park = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(() -> {
                    OutboxEntry e;
                    while (failure.get() == null && (e = queue.poll()) != null) {
                        try {
                            PacketUploader.Outcome o = uploader.deliver(e);
                            if (o == PacketUploader.Outcome.PARKED) {
                                park.incrementAndGet();
                            } else if (o != PacketUploader.Outcome.SKIPPED) {
                                ok.incrementAndGet();
                            }
                        } catch (SyncFailure f) {
                            failure.compareAndSet(null, f);
                        } catch (RuntimeException r) {
                            LOG.error("delivery of {} failed locally", e.packetId(), r);
                            failure.compareAndSet(null, new SyncFailure(SyncFailure.Kind.STORE,
                                    String.valueOf(r.getMessage()), null, r));
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.forEach(x -> x.cancel(true));
                    throw new SyncFailure(SyncFailure.Kind.OFFLINE, "interrupted");
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            delivered += ok.get();
            parked += park.get();
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }
}
