package id.rekam.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.store.DeliveryStore;
import id.rekam.core.store.StationStore;
import id.rekam.core.trust.ServerKeys;
import id.rekam.core.trust.ServerTrust;
import id.rekam.core.trust.SignedJson;
import id.rekam.core.verdict.VerdictFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The central server's signed feed entries about cases (docs/sync-protocol.md §6.1): a case it
 * assigns to this station ({@code case-assigned}) and what it did with a case's outcome event
 * ({@code case-resolved}). Like every feed entry they are signed, as served, with the server's
 * signing key the station pinned at enrollment ({@code server_trust}, {@link SignedJson}); nothing is
 * acted on unless that signature holds — checked here again, whichever way the entry came (straight
 * from the feed, or kept in the inbox while the store was locked). A refused entry changes nothing
 * and is reported, so the feed moves on.
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
        if (!handles(type)) {
            return CaseIntake.Result.refused("not-a-case-entry");
        }
        String unsigned = unsigned(entry);
        if (unsigned != null) {
            LOG.warn("{} entry at feed cursor {} refused: {}", type, Assignments.text(entry, "cursor"), unsigned);
            return CaseIntake.Result.refused(unsigned);
        }
        if (ASSIGNED.equals(type)) {
            Assignments.Parsed p = Assignments.parse(entry, local);
            if (p.refusal() != null) {
                LOG.warn("case assignment at feed cursor {} refused: {}", Assignments.text(entry, "cursor"), p.refusal());
                return CaseIntake.Result.refused(p.refusal());
            }
            return intake.fromAssignment(p.assigned());
        }
        return resolved(entry);
    }

    /** @return null when the entry carries the pinned server's signature for this station, else why not */
    private String unsigned(JsonNode entry) {
        byte[] key = store.serverTrust().map(ServerTrust::keys).map(ServerKeys::signingKey).orElse(null);
        if (key == null) {
            return "no-server-key";
        }
        return SignedJson.verify(key, SignedJson.Purpose.FEED_ENTRY, store.stationId(), entry) ? null : "bad-signature";
    }

    /**
     * The case entries the sync service kept in the inbox while the store was locked (folded at
     * unlock, see {@link DeliveryStore#heldEntries()}): each is taken like one straight from the
     * feed — signature checked again — and then leaves the inbox. A crash in between takes it
     * again, which changes nothing.
     */
    List<CaseIntake.Result> takeHeld() {
        List<CaseIntake.Result> out = new ArrayList<>();
        for (DeliveryStore.HeldEntry h : store.delivery().heldEntries()) {
            CaseIntake.Result r = held(h.entry());
            if (r.status() == CaseIntake.Status.REFUSED) {
                LOG.warn("entry kept while locked at feed cursor {} opened no case: {}",
                        Assignments.text(h.entry(), "cursor"), r.detail());
            }
            out.add(r);
            store.delivery().releaseHeld(h.seq());
        }
        return out;
    }

    private CaseIntake.Result held(JsonNode entry) {
        String type = Assignments.text(entry, "type");
        if (handles(type)) {
            return accept(entry);
        }
        String packetId = Assignments.text(entry, "packetId");
        if (!CasePolicy.raisesCase(type) || packetId == null) {
            return CaseIntake.Result.refused("not-a-case-entry");
        }
        String unsigned = unsigned(entry);
        if (unsigned != null) {
            return CaseIntake.Result.refused(unsigned);
        }
        // The fold applied the verdict; the case is opened from the entry as the unlocked side does.
        List<CaseIntake.Result> results = intake.fromVerdictEntry(packetId, type, entry);
        return results.stream().filter(r -> r.status() != CaseIntake.Status.REFUSED).findFirst()
                .orElse(results.get(0));
    }

    private CaseIntake.Result resolved(JsonNode entry) {
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
