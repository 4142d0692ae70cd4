package id.rekam.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.store.StationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The central server's signed feed entries about cases (docs/sync-protocol.md §6.1): a case it
 * assigns to this station ({@code case-assigned}) and what it did with a case's outcome event
 * ({@code case-resolved}). Nothing is acted on unless signed by the pinned server key; a refused
 * entry changes nothing and is reported, so the feed moves on.
 */
public final class CaseFeed {

    private static final Logger LOG = LoggerFactory.getLogger(CaseFeed.class);
    public static final String ASSIGNED = Assignments.TYPE;
    public static final String RESOLVED = "case-resolved";

    private final StationStore store;
    private final CaseIntake intake;
    private final LocalRecords local;

    CaseFeed(StationStore store, CaseIntake intake, LocalRecords local) {
        this.store = store;
        this.intake = intake;
        this.local = local;
    }

    public static boolean handles(String type) {
        return ASSIGNED.equals(type) || RESOLVED.equals(type);
    }

    /** Takes one entry; never throws for a bad entry (the result says REFUSED and why). */
    public CaseIntake.Result accept(JsonNode entry) {
        String type = Assignments.text(entry, "type");
        Optional<byte[]> key = new ServerSigningKey(store).pinned();
        if (ASSIGNED.equals(type)) {
            Assignments.Parsed p = Assignments.parse(store.stationId(), entry, key, local);
            if (p.refusal() != null) {
                LOG.warn("case assignment at feed cursor {} refused: {}", Assignments.text(entry, "cursor"), p.refusal());
                return CaseIntake.Result.refused(p.refusal());
            }
            return intake.fromAssignment(p.assigned());
        }
        if (RESOLVED.equals(type)) {
            return resolved(entry, key);
        }
        return CaseIntake.Result.refused("not-a-case-entry");
    }

    private CaseIntake.Result resolved(JsonNode entry, Optional<byte[]> key) {
        if (key.isEmpty() || !SignedFeedEntry.verify(store.stationId(), entry, key.get())) {
            LOG.warn("case-resolved entry at cursor {} refused: not signed by the pinned server key",
                    Assignments.text(entry, "cursor"));
            return CaseIntake.Result.refused(key.isEmpty() ? "no-server-key" : "bad-signature");
        }
        String caseId = Assignments.text(entry, "caseId");
        String eventId = Assignments.text(entry, "eventId");
        String status = Assignments.text(entry, "status");
        String code = Assignments.text(entry, "code");
        Instant at = Optional.ofNullable(Assignments.instant(entry, "at")).orElse(Instant.EPOCH);
        if (caseId == null || status == null) {
            return CaseIntake.Result.refused("malformed");
        }
        return store.inTransaction(tx -> {
            Optional<CaseRows.Row> r = CaseRows.load(tx, caseId);
            if (r.isEmpty() || (eventId != null && !eventId.equals(r.get().eventId()))) {
                return CaseIntake.Result.refused("unknown-case");
            }
            if (status.equals(r.get().serverStatus()) && java.util.Objects.equals(code, r.get().serverCode())) {
                return new CaseIntake.Result(CaseIntake.Status.ALREADY_TAKEN, caseId, status);
            }
            CaseRows.update(tx, "UPDATE cases SET server_status = ?, server_code = ?, server_at = ? WHERE id = ?",
                    status, code, at.toEpochMilli(), caseId);
            CaseRows.history(tx, caseId, "sync", CaseAction.SERVER_ACKNOWLEDGED, status + (code == null ? "" : " " + code),
                    code == null ? Map.of("status", status) : Map.of("status", status, "code", code));
            return new CaseIntake.Result(CaseIntake.Status.OPENED, caseId, status);
        });
    }
}
