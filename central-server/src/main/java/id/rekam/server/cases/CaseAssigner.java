package id.rekam.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import id.rekam.core.cases.RecordPair;
import id.rekam.core.domain.Demographics;
import id.rekam.core.packet.Packet;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.ApiException;
import id.rekam.server.http.Json;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketState;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Assigns KTP ganda cases to the desk that must act: the station of the citizen's kecamatan (the
 * later record's address), one case per pair ever, never a pair decided to be two people. Each
 * assignment is a {@code case-assigned} entry in that station's feed (signed as served, like every
 * feed entry), written in the same transaction as the case row.
 */
public final class CaseAssigner {

    private final Database db;
    private final PacketRepository packets;
    private final StationRegistry stations;
    private final CaseRecords records;
    private final Clock clock;

    CaseAssigner(Database db, PacketRepository packets, StationRegistry stations, CaseRecords records, Clock clock) {
        this.db = db;
        this.packets = packets;
        this.stations = stations;
        this.records = records;
        this.clock = clock;
    }

    /** An assigned case. */
    public record Assigned(String caseId, String stationId, String first, String second) {
    }

    /**
     * @param stationId the desk to assign to; null = the first station of the citizen's kecamatan
     * @param deadline  when the Dinas wants it settled; null = the station's own deadlines
     * @throws ApiException 404 a record unknown here or without a stored body, 409 the pair has a
     *                      case or was decided to be two people, or no station serves the kecamatan
     */
    public Assigned assign(String first, String second, String stationId, String reason, Instant deadline) {
        if (first == null || second == null || first.equals(second)) {
            throw new ApiException(400, "bad-request", "a case names two different records");
        }
        PacketRecord a = stored(first);
        PacketRecord b = stored(second);
        if (a.receivedAt() != null && b.receivedAt() != null && b.receivedAt().isBefore(a.receivedAt())) {
            PacketRecord t = a;
            a = b;
            b = t;
        }
        Packet pa = records.packet(a);
        Packet pb = records.packet(b);
        Demographics later = records.demographics(pb);
        Station target = stationId != null
                ? stations.find(stationId).orElseThrow(() -> new ApiException(404, "not-found", "no station " + stationId))
                : stations.list().stream().filter(s -> s.office().equals(CaseRecords.districtOf(later))).findFirst()
                .orElseThrow(() -> new ApiException(409, "no-station-for-office", "no station serves kecamatan "
                        + CaseRecords.districtOf(later)));
        String pair = RecordPair.key(a.packetId(), b.packetId());
        String caseId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("caseId", caseId);
        entry.put("reason", reason == null || reason.isBlank() ? "duplicate" : reason);
        verdictOf(b).ifPresent(v -> {
            if (v.hasNonNull("matchedBy")) {
                entry.put("matchedBy", v.get("matchedBy").asText());
            }
            if (v.has("fingers")) {
                entry.put("fingers", v.get("fingers"));
            }
            if (v.has("matchThreshold")) {
                entry.put("matchThreshold", v.get("matchThreshold"));
            }
        });
        entry.put("records", List.of(records.view(a, pa), records.view(b, pb)));
        if (deadline != null) {
            entry.put("deadline", deadline.toString());
        }
        PacketRecord fa = a;
        PacketRecord fb = b;
        db.tx(c -> {
            if (Database.queryOne(c, "SELECT 1 FROM false_match_pairs WHERE pair_key=?", rs -> 1, pair).isPresent()) {
                throw new ApiException(409, "false-match-pair", "these records were decided to be two people");
            }
            if (Database.queryOne(c, "SELECT 1 FROM cases WHERE pair_key=?", rs -> 1, pair).isPresent()) {
                throw new ApiException(409, "case-exists", "these records already have a case");
            }
            Database.update(c, "INSERT INTO cases(case_id, pair_key, packet_a, packet_b, station_id, reason, state, "
                            + "assigned_at) VALUES (?,?,?,?,?,?,?,?)", caseId, pair, fa.packetId(), fb.packetId(),
                    target.stationId(), entry.get("reason"), "assigned", now.toEpochMilli());
            FeedbackFeed.append(c, target.stationId(), null, "case-assigned", entry, now);
            return null;
        });
        return new Assigned(caseId, target.stationId(), fa.packetId(), fb.packetId());
    }

    /**
     * Every record decided {@code duplicate} that has no case yet, each assigned with the record it
     * duplicates; pairs that cannot be assigned (no station for the kecamatan, decided two people)
     * are counted as skipped. A district's whole list in one call.
     *
     * @param officePrefix only citizens whose kecamatan starts with this ({@code 33.10} = Klaten); null = all
     */
    public Bulk assignDuplicates(String officePrefix) {
        List<Assigned> done = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PacketRecord p : packets.inState(PacketState.DUPLICATE)) {
            String other = verdictOf(p).map(v -> v.path("duplicateOf").path("packetId").asText(null)).orElse(null);
            if (other == null || db.queryOne("SELECT 1 FROM cases WHERE pair_key=?", rs -> 1,
                    RecordPair.key(p.packetId(), other)).isPresent()) {
                continue;
            }
            if (officePrefix != null && !CaseRecords.districtOf(records.demographics(records.packet(p)))
                    .startsWith(officePrefix)) {
                continue;
            }
            try {
                done.add(assign(other, p.packetId(), null, "duplicate", null));
            } catch (ApiException e) {
                skipped.add(p.packetId() + ": " + e.code());
            }
        }
        return new Bulk(done, skipped);
    }

    public record Bulk(List<Assigned> assigned, List<String> skipped) {
    }

    private PacketRecord stored(String packetId) {
        PacketRecord p = packets.find(packetId)
                .orElseThrow(() -> new ApiException(404, "packet-not-found", "no record " + packetId));
        if (p.receivedAt() == null || p.state() == PacketState.REJECTED) {
            throw new ApiException(404, "packet-not-found", "record " + packetId + " has no stored body");
        }
        return p;
    }

    private static Optional<JsonNode> verdictOf(PacketRecord p) {
        return p.verdictJson() == null ? Optional.empty()
                : Optional.of(Json.tree(p.verdictJson().getBytes(StandardCharsets.UTF_8)));
    }

    /** Cases assigned so far, newest last. */
    public List<Map<String, Object>> list() {
        return db.query("SELECT case_id, station_id, packet_a, packet_b, reason, state, outcome, assigned_at, closed_at "
                + "FROM cases ORDER BY assigned_at, case_id", rs -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("caseId", rs.getString(1));
                    m.put("stationId", rs.getString(2));
                    m.put("records", List.of(rs.getString(3), rs.getString(4)));
                    m.put("reason", rs.getString(5));
                    m.put("state", rs.getString(6));
                    if (rs.getString(7) != null) {
                        m.put("outcome", rs.getString(7));
                    }
                    m.put("assignedAt", Instant.ofEpochMilli(rs.getLong(8)).toString());
                    long closed = rs.getLong(9);
                    if (!rs.wasNull()) {
                        m.put("closedAt", Instant.ofEpochMilli(closed).toString());
                    }
                    return m;
                });
    }
}
