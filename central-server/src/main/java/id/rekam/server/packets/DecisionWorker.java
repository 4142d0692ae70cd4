package id.rekam.server.packets;

import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.dedup.Verdict;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.Json;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Decides received packets (NIK and 1:N fingerprint dedup) on one background thread, in the
 * order they were acknowledged. One thread keeps decisions serial, which dedup needs: two
 * copies of one person uploaded at the same moment cannot both pass. The verdict and its feed
 * entry are one transaction; the station learns it from the feed (protocol §4.5).
 *
 * <p>Only {@code received} packets are decided, and a packet stays {@code received} until its
 * verdict is committed, so a crash at any point loses nothing: {@link PacketService#recover()}
 * submits every {@code received} packet again at the next start.
 */
public final class DecisionWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionWorker.class);
    /** Wait before trying a packet again whose decision failed (e.g. disk trouble). */
    static final Duration RETRY = Duration.ofSeconds(1);

    /** Packets waiting in memory; beyond this they wait in the database ({@link DecisionQueue}). */
    static final int QUEUE_CAPACITY = 1024;
    /** Decoded bodies kept for the worker; the others are read back from disk. */
    static final int BODIES_HELD = 16;

    private final PacketRepository repo;
    private final UploadFiles files;
    private final DedupService dedup;
    private final StationRegistry stations;
    private final Clock clock;
    private final DecisionQueue queue;
    private volatile Thread thread;

    private final PacketService packets;

    DecisionWorker(PacketRepository repo, UploadFiles files, DedupService dedup, StationRegistry stations,
                   Clock clock, PacketService packets) {
        this(repo, files, dedup, stations, clock, packets, QUEUE_CAPACITY, BODIES_HELD);
    }

    DecisionWorker(PacketRepository repo, UploadFiles files, DedupService dedup, StationRegistry stations,
                   Clock clock, PacketService packets, int capacity, int bodiesHeld) {
        this.packets = packets;
        this.queue = new DecisionQueue(capacity, bodiesHeld,
                () -> repo.inState(PacketState.RECEIVED).stream().map(PacketRecord::packetId).toList());
        this.repo = repo;
        this.files = files;
        this.dedup = dedup;
        this.stations = stations;
        this.clock = clock;
    }

    void submit(String packetId, Packet decoded) {
        queue.submit(packetId, decoded);
    }

    /** Most packets ever waiting in memory at once (bounded by the queue's capacity). */
    public int queueHighWater() {
        return queue.highWater();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Thread t = new Thread(this::run, "rekam-server-decisions");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops after the decision in progress (its transaction either commits or not). */
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return true once every packet submitted so far is decided; false on timeout */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!queue.idle()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            DecisionQueue.Job job;
            try {
                job = queue.take(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job == null) {
                continue;
            }
            try {
                decide(job);
                queue.done(job.packetId());
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                // Still received in the database: try again later, never drop it.
                LOG.error("decision on packet {} failed; retrying", job.packetId(), e);
                try {
                    TimeUnit.MILLISECONDS.sleep(RETRY.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
                queue.submit(job.packetId(), null);
            }
        }
    }

    private final java.util.List<java.util.function.Consumer<String>> decided =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told the id of each packet once its verdict is committed (KTP ganda outcomes waiting for it). */
    public void onDecided(java.util.function.Consumer<String> listener) {
        decided.add(listener);
    }

    /** Decides one packet if it is still {@code received}. */
    private void decide(DecisionQueue.Job job) {
        Optional<PacketRecord> found = repo.find(job.packetId());
        if (found.isEmpty() || found.get().state() != PacketState.RECEIVED) {
            return; // decided before a restart, or submitted twice
        }
        PacketRecord p = found.get();
        Packet packet = job.packet() != null ? job.packet() : readBack(p);
        Station from = stations.find(p.stationId()).orElseThrow();
        for (int attempt = 1; ; attempt++) {
            Verdict v = dedup.decide(packet, from);
            if (commit(p, v)) {
                if (v.state() == PacketState.ACCEPTED) {
                    dedup.catchUp();
                }
                LOG.info("packet {} decided: {}", p.packetId(), v.state().wire());
                for (java.util.function.Consumer<String> l : decided) {
                    try {
                        l.accept(p.packetId());
                    } catch (RuntimeException e) {
                        // The verdict stands; what waited for it is tried again at the next start.
                        LOG.error("after the decision on {}: listener failed", p.packetId(), e);
                    }
                }
                return;
            }
            // Another process (import-bundle) accepted a record between the check and the commit.
            LOG.info("packet {}: a record was accepted meanwhile; deciding again (attempt {})", p.packetId(), attempt + 1);
        }
    }

    /** Commits the verdict and its feed entry, unless the records it was checked against changed. */
    private boolean commit(PacketRecord p, Verdict v) {
        Instant now = clock.instant();
        try {
            repo.db().tx(c -> {
                PacketRepository.decide(c, p.packetId(), v.state(), v.reasonCode(), v.reasonMessage(),
                        Json.writeString(v.feedFields()), now);
                // After the first write: this transaction holds the database's write lock.
                if (!dedup.stillValid(c, p.packetId(), v)) {
                    throw new StaleDecision();
                }
                if (v.state() == PacketState.ACCEPTED) {
                    dedup.storeTemplates(c, p.packetId(), v.templates());
                }
                FeedbackFeed.append(c, p.stationId(), p.packetId(), v.state().wire(), v.feedFields(), now);
                return null;
            });
            return true;
        } catch (StaleDecision rolledBack) {
            return false;
        }
    }

    /** Rolls a decision's transaction back: it was made against records that changed. */
    private static final class StaleDecision extends RuntimeException {
        StaleDecision() {
            super(null, null, false, false);
        }
    }

    private Packet readBack(PacketRecord p) {
        try {
            // Kept sealed as it arrived: opened again with the server's key.
            return packets.opened(p, files.readPacket(p.packetId()));
        } catch (PacketFormatException | id.rekam.core.crypto.PacketSeal.Unopenable | PacketService.ContentMismatch e) {
            throw new IllegalStateException("stored packet " + p.packetId() + " no longer opens", e);
        }
    }
}
