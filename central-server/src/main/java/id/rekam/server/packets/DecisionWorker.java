package id.rekam.server.packets;

import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** A packet to decide; {@code packet} is the body decoded at completion, null after a restart. */
    private record Job(String packetId, Packet packet) {
    }

    private final PacketRepository repo;
    private final UploadFiles files;
    private final DedupService dedup;
    private final StationRegistry stations;
    private final Clock clock;
    private final PacketCodec codec = new PacketCodec();
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    /** Submitted and not yet finished (decided, skipped or given up until the next start). */
    private final AtomicInteger open = new AtomicInteger();
    private volatile Thread thread;

    DecisionWorker(PacketRepository repo, UploadFiles files, DedupService dedup, StationRegistry stations,
                   Clock clock) {
        this.repo = repo;
        this.files = files;
        this.dedup = dedup;
        this.stations = stations;
        this.clock = clock;
    }

    void submit(String packetId, Packet decoded) {
        open.incrementAndGet();
        queue.add(new Job(packetId, decoded));
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
        while (open.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                decide(job);
                open.decrementAndGet();
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
                queue.add(new Job(job.packetId(), null));
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
    private void decide(Job job) {
        Optional<PacketRecord> found = repo.find(job.packetId());
        if (found.isEmpty() || found.get().state() != PacketState.RECEIVED) {
            return; // decided before a restart, or submitted twice
        }
        PacketRecord p = found.get();
        Packet packet = job.packet() != null ? job.packet() : readBack(p);
        Station from = stations.find(p.stationId()).orElseThrow();
        Verdict v = dedup.decide(packet, from);
        Instant now = clock.instant();
        repo.db().tx(c -> {
            PacketRepository.decide(c, p.packetId(), v.state(), v.reasonCode(), v.reasonMessage(),
                    Json.writeString(v.feedFields()), now);
            if (v.state() == PacketState.ACCEPTED) {
                dedup.storeTemplates(c, p.packetId(), v.templates());
            }
            FeedbackFeed.append(c, p.stationId(), p.packetId(), v.state().wire(), v.feedFields(), now);
            return null;
        });
        if (v.state() == PacketState.ACCEPTED) {
            dedup.indexTemplates(p.packetId(), v.templates());
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
    }

    private Packet readBack(PacketRecord p) {
        try {
            return codec.decode(files.readPacket(p.packetId()));
        } catch (PacketFormatException e) {
            throw new IllegalStateException("stored packet " + p.packetId() + " no longer decodes", e);
        }
    }
}
