package id.rekam.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreTransaction;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.verdict.VerdictFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens cases from every source, one list: a supervisor's override (its sealed candidates), the
 * server's verdicts ({@code duplicate}, {@code needs-review}, any kind {@link CasePolicy} names)
 * and the server's assignments. Each source is taken once (by its source key), and each pair of
 * records is one case, ever: a pair raised again — by another source, or after the case closed,
 * also as "different people" — joins the existing case's history and never opens a new one.
 */
public final class CaseIntake {

    private static final Logger LOG = LoggerFactory.getLogger(CaseIntake.class);
    static final String BY_STATION = "station-check";

    private final StationStore store;
    private final LocalRecords local;

    CaseIntake(StationStore store, LocalRecords local) {
        this.store = store;
        this.local = local;
    }

    /** What taking one source did. */
    public record Result(Status status, String caseId, String detail) {
        static Result refused(String why) {
            return new Result(Status.REFUSED, null, why);
        }
    }

    public enum Status {
        /** A new case. */
        OPENED,
        /** The pair already had a case: this source joined its history. */
        RAISED_AGAIN,
        /** This source was taken before: nothing changed. */
        ALREADY_TAKEN,
        /** Not a case this station can act on (detail says why); nothing stored. */
        REFUSED
    }

    /** A case to open, from whichever source. */
    record Opening(CaseSource source, String reason, String sourceKey, String serverCaseId, CaseRecord first,
                   CaseRecord second, String matchedBy, List<ServerVerdict.FingerScore> fingers, Double threshold,
                   Instant deadline) {
    }

    /** Cases for every override saved so far that has none yet; an override from before version 10 named no candidate. */
    public List<Result> fromOverrides() {
        List<Result> out = new ArrayList<>();
        for (RegistrationId id : store.captures().overridden()) {
            Optional<DuplicateOverride> o = store.captures().override(id);
            if (o.isEmpty() || o.get().candidates().isEmpty()) {
                continue;
            }
            for (DuplicateOverride.Candidate c : o.get().candidates()) {
                String key = "override:" + id.value() + ":" + c.record().value();
                if (taken(key)) {
                    continue;
                }
                Optional<CaseRecord> first = local.snapshot(c.record().value());
                Optional<CaseRecord> second = local.snapshot(id.value());
                if (first.isEmpty() || second.isEmpty()) {
                    out.add(Result.refused("record-not-held"));
                    continue;
                }
                out.add(open(new Opening(CaseSource.STATION_OVERRIDE, "override", key, null, first.get(),
                        second.get(), BY_STATION, c.fingers(), null, null), o.get().supervisor()));
            }
        }
        return out;
    }

    /**
     * A case for a server verdict on one of this station's records. Any kind {@link CasePolicy}
     * lists raises one; its data is read as a duplicate's (the other record, the scores).
     */
    public Result fromVerdict(String packetId, String kind, ServerVerdict.Duplicate verdict) {
        if (!CasePolicy.raisesCase(kind)) {
            return Result.refused("not-a-case-verdict");
        }
        String key = "verdict:" + packetId + ":" + kind;
        if (taken(key)) {
            return new Result(Status.ALREADY_TAKEN, caseOf(key), null);
        }
        Optional<CaseRecord> ours = local.snapshot(packetId);
        if (ours.isEmpty()) {
            LOG.warn("{} verdict for record {} this station does not hold: no case", kind, packetId);
            return Result.refused("unknown-record");
        }
        ServerVerdict.OtherRecord o = verdict.other();
        if (o.registrationId() == null) {
            return Result.refused("no-other-record");
        }
        return open(new Opening(CaseSource.SERVER_VERDICT, kind, key, null, otherRecord(o), ours.get(),
                verdict.matchedBy().wire(), verdict.fingers(), verdict.matchThreshold(), null), "sync");
    }

    /**
     * The cases one verdict feed entry raises, read by its kind: a {@code duplicate} names one other
     * record; a {@code needs-review} names each earlier record whose prints match only at other
     * positions, and each of them is a pair to re-verify with the citizen. A review only for too many
     * exceptions names no other record: it is the server official's to decide, and opens no case here.
     */
    public List<Result> fromVerdictEntry(String packetId, String kind, JsonNode fields) {
        if (!CasePolicy.raisesCase(kind)) {
            return List.of(Result.refused("not-a-case-verdict"));
        }
        Instant at = VerdictFields.instant(fields, "at");
        if (ServerVerdict.Kind.NEEDS_REVIEW.wire().equals(kind) && fields != null && !fields.has("duplicateOf")) {
            return fromReview(packetId, VerdictFields.needsReview(fields, at));
        }
        return List.of(fromVerdict(packetId, kind, VerdictFields.duplicate(fields, at)));
    }

    /** One case per earlier record a {@code needs-review} verdict names (see {@link #fromVerdictEntry}). */
    public List<Result> fromReview(String packetId, ServerVerdict.NeedsReview review) {
        String kind = ServerVerdict.Kind.NEEDS_REVIEW.wire();
        if (review.candidates().isEmpty()) {
            return List.of(Result.refused("no-other-record"));
        }
        Optional<CaseRecord> ours = local.snapshot(packetId);
        if (ours.isEmpty()) {
            LOG.warn("{} verdict for record {} this station does not hold: no case", kind, packetId);
            return List.of(Result.refused("unknown-record"));
        }
        List<Result> out = new ArrayList<>();
        for (ServerVerdict.ReviewCandidate c : review.candidates()) {
            ServerVerdict.OtherRecord o = c.other();
            if (o.registrationId() == null) {
                out.add(Result.refused("no-other-record"));
                continue;
            }
            String key = "verdict:" + packetId + ":" + kind + ":" + o.registrationId();
            out.add(open(new Opening(CaseSource.SERVER_VERDICT, kind, key, null, otherRecord(o), ours.get(),
                    ServerVerdict.MatchedBy.FINGERPRINT.wire(), c.fingers(), review.matchThreshold(), null), "sync"));
        }
        return out;
    }

    private CaseRecord otherRecord(ServerVerdict.OtherRecord o) {
        return local.snapshot(o.registrationId()).orElseGet(() -> new CaseRecord(o.registrationId(),
                o.stationId(), o.office(), o.nik(), o.nikMasked(), null, null, null, null, null, o.receivedAt(), null,
                null, Map.of(), CaseRecord.Holding.NOT_HELD));
    }

    /** Cases for the duplicate verdicts already stored (those applied before this feature, or whose feed entry was missed). */
    public List<Result> fromStoredVerdicts() {
        List<String[]> stored = store.read(tx -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement p = tx.connection().prepareStatement("SELECT packet_id, kind FROM verdicts ORDER BY seq");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (CasePolicy.raisesCase(rs.getString(2))) {
                        out.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            return out;
        });
        List<Result> out = new ArrayList<>();
        for (String[] s : stored) {
            if (taken("verdict:" + s[0] + ":" + s[1])) {
                continue;
            }
            store.verdicts().history(s[0]).stream()
                    .filter(v -> v.kind().wire().equals(s[1]))
                    .findFirst()
                    .ifPresent(v -> {
                        if (v instanceof ServerVerdict.Duplicate d) {
                            out.add(fromVerdict(s[0], s[1], d));
                        } else if (v instanceof ServerVerdict.NeedsReview r) {
                            fromReview(s[0], r).stream().filter(x -> x.status() != Status.ALREADY_TAKEN).forEach(out::add);
                        }
                    });
        }
        return out;
    }

    /** A case the server assigned, already verified and parsed ({@link Assignments}). */
    Result fromAssignment(Assignments.Assigned a) {
        String key = "assigned:" + a.serverCaseId();
        if (taken(key)) {
            return new Result(Status.ALREADY_TAKEN, caseOf(key), null);
        }
        // A record this station holds is its own (templates and photo read live); the server's copy is for the others.
        CaseRecord first = local.snapshot(a.first().registrationId()).orElse(a.first());
        CaseRecord second = local.snapshot(a.second().registrationId()).orElse(a.second());
        return open(new Opening(CaseSource.SERVER_ASSIGNED, a.reason(), key, a.serverCaseId(), first, second,
                a.matchedBy(), a.fingers(), a.matchThreshold(), a.deadline()), "sync");
    }

    Result open(Opening o, String actor) {
        if (o.first().registrationId().equals(o.second().registrationId())) {
            return Result.refused("same-record");
        }
        String pair = CaseRows.pairKey(o.first().registrationId(), o.second().registrationId());
        return store.inTransaction(tx -> {
            if (CaseRows.sourceKnown(tx, o.sourceKey())) {
                return new Result(Status.ALREADY_TAKEN, CaseRows.caseOfSource(tx, o.sourceKey()).orElse(null), null);
            }
            Optional<CaseRows.Row> existing = CaseRows.byPair(tx, pair);
            if (existing.isPresent()) {
                return raisedAgain(tx, existing.get(), o, actor);
            }
            return opened(tx, o, actor);
        });
    }

    private Result opened(StoreTransaction tx, Opening o, String actor) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = tx.clock().instant();
        CaseRecord citizen = o.second().fullName() != null ? o.second() : o.first();
        String village = o.second().villageCode() != null ? o.second().villageCode() : o.first().villageCode();
        CaseSeals.Data data = new CaseSeals.Data(o.first(), o.second(), o.matchedBy(), o.fingers(), o.threshold(),
                List.of(new CaseFile.Raised(o.source(), o.reason(), now)));
        CaseRows.Row row = new CaseRows.Row(id, CaseRows.pairKey(o.first().registrationId(), o.second().registrationId()),
                o.source(), o.reason(), o.serverCaseId(), village, CaseState.OPEN, now, now,
                CasePolicy.openDeadline(now, o.deadline()), CaseSeals.seal(tx, data, id, CaseSeals.DATA),
                CaseSeals.seal(tx, new CaseSeals.Summary(citizen.fullName(), citizen.nikShown()), id, CaseSeals.SUMMARY),
                null, null, null, null, null, null, null, null, null, null);
        CaseRows.insert(tx, row, o.first().registrationId(), o.second().registrationId());
        CaseRows.source(tx, o.sourceKey(), id);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("source", o.source().name());
        audit.put("reason", o.reason());
        audit.put("records", List.of(o.first().registrationId(), o.second().registrationId()));
        if (o.serverCaseId() != null) {
            audit.put("serverCase", o.serverCaseId());
        }
        CaseRows.history(tx, id, actor, CaseAction.OPENED, o.source().name() + " " + o.reason(), audit);
        return new Result(Status.OPENED, id, null);
    }

    private Result raisedAgain(StoreTransaction tx, CaseRows.Row r, Opening o, String actor) throws SQLException {
        CaseSeals.Data d = CaseReader.data(tx, r);
        List<CaseFile.Raised> raised = new ArrayList<>(d.raisedBy());
        raised.add(new CaseFile.Raised(o.source(), o.reason(), tx.clock().instant()));
        // Scores and the other record's details from a later source complete what the first one said.
        CaseSeals.Data merged = new CaseSeals.Data(d.first(), d.second(), d.matchedBy(),
                d.fingers().isEmpty() ? o.fingers() : d.fingers(),
                d.matchThreshold() == null ? o.threshold() : d.matchThreshold(), raised);
        CaseRows.update(tx, "UPDATE cases SET data = ? WHERE id = ?", CaseSeals.seal(tx, merged, r.id(), CaseSeals.DATA),
                r.id());
        if (o.serverCaseId() != null && r.serverCaseId() == null) {
            CaseRows.update(tx, "UPDATE cases SET server_case_id = ? WHERE id = ?", o.serverCaseId(), r.id());
        }
        CaseRows.source(tx, o.sourceKey(), r.id());
        CaseRows.history(tx, r.id(), actor, CaseAction.RAISED_AGAIN, o.source().name() + " " + o.reason(),
                Map.of("source", o.source().name(), "state", r.state().name()));
        return new Result(Status.RAISED_AGAIN, r.id(), r.state().name());
    }

    private boolean taken(String key) {
        return store.read(tx -> CaseRows.sourceKnown(tx, key));
    }

    private String caseOf(String key) {
        return store.read(tx -> CaseRows.caseOfSource(tx, key).orElse(null));
    }
}
