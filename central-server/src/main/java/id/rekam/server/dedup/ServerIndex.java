package id.rekam.server.dedup;

import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.identification.Identification;
import id.rekam.identification.IdentificationEngine;
import id.rekam.identification.Probe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's identification engine kept level with the {@code templates} table: loaded at
 * start, then caught up with every row added since (after each accept of this server, before
 * each decision, and every few seconds), so templates another process wrote into the same
 * database ({@code import-bundle} while the server runs) are found without a restart. The
 * engine has its own read/write lock: checks and additions do not wait for one global lock.
 */
final class ServerIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ServerIndex.class);
    /** Packets read per page while loading at start. */
    private static final int LOAD_PAGE = 1024;

    private final TemplatesTable table;
    private final IdentificationEngine engine;
    /** The templates table's rowid up to which the engine has everything; guarded by this. */
    private long watermark;

    ServerIndex(TemplatesTable table, DuplicatePolicy policy) {
        this.table = table;
        this.engine = new IdentificationEngine(policy, table);
    }

    /** Indexes every accepted record (once, at start). */
    synchronized void load() {
        long upTo = table.watermark();
        long t0 = System.nanoTime();
        engine.addAll(table.accepted(LOAD_PAGE), n -> LOG.debug("{} people indexed", n));
        watermark = upTo;
        LOG.info("fingerprint index: {} people in {} ms", engine.size(), (System.nanoTime() - t0) / 1_000_000);
        catchUp();
    }

    /**
     * Adds the packets whose templates were written since the last call, by this process or
     * another one.
     *
     * @return the templates table's rowid the index is now level with
     */
    synchronized long catchUp() {
        long upTo = table.watermark();
        if (upTo > watermark) {
            for (String packetId : table.packetsAddedBetween(watermark, upTo)) {
                engine.add(packetId, table.templates(packetId));
            }
            watermark = upTo;
        }
        return watermark;
    }

    Identification identify(Probe probe) {
        return engine.identify(probe);
    }

    int people() {
        return engine.size();
    }
}
