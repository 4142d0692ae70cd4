package id.rekam.server.cases;

import id.rekam.core.cases.RecordPair;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.events.EventStore;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketService;
import id.rekam.server.packets.UploadFiles;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * KTP ganda cases on the reference server (docs/design/cases.md, docs/sync-protocol.md §6.1, §7):
 * assignments to the desks, the outcome events applied once, and the pairs no duplicate check may
 * raise again. Its feed entries go through the station's ordinary feed, which signs every entry as
 * served with the server's signing key.
 */
public final class ServerCases {

    private final Database db;
    private final CaseAssigner assigner;
    private final OutcomeApplier outcomes;

    public ServerCases(Path dataDir, Database db, PacketRepository packets, StationRegistry stations,
                       DedupService dedup, Clock clock) {
        CaseTables.create(db);
        this.db = db;
        CaseRecords records = new CaseRecords(new UploadFiles(dataDir), stations,
                id.rekam.server.keys.ServerKeyStore.loadOrCreate(dataDir));
        this.assigner = new CaseAssigner(db, packets, stations, records, clock);
        this.outcomes = new OutcomeApplier(db, dedup, records, clock);
        dedup.exclude(this::excluded);
    }

    /** Wires the outcome events and the records an outcome waits for; applies what waited across a restart. */
    public void attach(PacketService packets) {
        packets.decisions().onDecided(outcomes::retry);
        outcomes.recover();
    }

    /** The handlers of the event types this module applies. */
    public Map<String, EventStore.Handler> eventHandlers() {
        return Map.of(OutcomeApplier.TYPE, outcomes);
    }

    public CaseAssigner assigner() {
        return assigner;
    }

    /** A voided record is nobody's duplicate any more; a pair decided to be two people is never raised again. */
    boolean excluded(String packetId, String candidate) {
        return db.queryOne("SELECT 1 FROM packets WHERE packet_id=? AND state='voided-duplicate' "
                        + "UNION ALL SELECT 1 FROM false_match_pairs WHERE pair_key=?", rs -> 1, candidate,
                RecordPair.key(packetId, candidate)).isPresent();
    }
}
