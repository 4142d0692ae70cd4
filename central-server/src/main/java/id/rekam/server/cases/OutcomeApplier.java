package id.rekam.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.cases.RecordPair;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketPart;
import id.rekam.server.dedup.DedupService;
import id.rekam.server.events.EventStore;
import id.rekam.server.feed.FeedbackFeed;
import id.rekam.server.http.Json;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketState;
import id.rekam.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a station's {@code case.outcome} event once, when it is first stored: a voided record
 * becomes {@code voided-duplicate} (out of every later duplicate check), a record kept after its
 * {@code duplicate} verdict becomes {@code accepted}, a pair decided to be two people is remembered
 * (never raised again); the assigned case closes. The station learns what was done from a
 * {@code case-resolved} feed entry (signed as served, like every feed entry). A voided record the server has not received yet waits for it;
 * a record the station may not void is refused.
 */
final class OutcomeApplier implements EventStore.Handler {

    static final String TYPE = "case.outcome";
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeApplier.class);
    private static final Set<PacketState> VOIDABLE = Set.of(PacketState.ACCEPTED, PacketState.PRINT_READY,
            PacketState.DUPLICATE);
    private static final Pattern TEMPLATE = Pattern.compile("finger-(\\d{2})\\.tpl");

    private final Database db;
    private final DedupService dedup;
    private final CaseRecords records;
    private final Clock clock;

    OutcomeApplier(Database db, DedupService dedup, CaseRecords records, Clock clock) {
        this.db = db;
        this.dedup = dedup;
        this.records = records;
        this.clock = clock;
    }

    /** What an outcome event says, and what came of it. */
    private record Outcome(String eventId, String stationId, String caseId, String serverCaseId, String kind,
                           String a, String b, String kept, String voided) {
    }

    @Override
    public Runnable apply(Connection c, String stationId, String eventId, JsonNode event) throws SQLException {
        JsonNode p = event.path("payload");
        JsonNode recs = p.path("records");
        String caseId = text(p, "caseId");
        String kind = text(p, "outcome");
        if (caseId == null || kind == null || !recs.isArray() || recs.size() != 2 || !recs.get(0).isTextual()
                || !recs.get(1).isTextual() || recs.get(0).asText().equals(recs.get(1).asText())) {
            LOG.warn("case.outcome {} from {} is malformed; stored, not applied", eventId, stationId);
            if (caseId != null) {
                FeedbackFeed.append(c, stationId, null, "case-resolved", Map.of("caseId", caseId, "eventId", eventId,
                        "status", "refused", "code", "malformed"), clock.instant());
            }
            return null;
        }
        Outcome o = new Outcome(eventId, stationId, caseId, text(p, "serverCaseId"), kind, recs.get(0).asText(),
                recs.get(1).asText(), text(p, "kept"), text(p, "voided"));
        Database.update(c, "INSERT INTO case_outcomes(event_id, station_id, station_case_id, server_case_id, outcome, "
                        + "packet_a, packet_b, kept, voided, status, at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", eventId, stationId,
                caseId, o.serverCaseId(), kind, o.a(), o.b(), o.kept(), o.voided(), "pending", clock.millis());
        return decide(c, o);
    }

    /** After a record arrived and was decided: outcomes that waited for it are applied now. */
    void retry(String packetId) {
        List<Outcome> waiting = db.query("SELECT event_id, station_id, station_case_id, server_case_id, outcome, "
                + "packet_a, packet_b, kept, voided FROM case_outcomes WHERE status='waiting' AND voided=?", rs ->
                new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), packetId);
        for (Outcome o : waiting) {
            Runnable after = db.tx(c -> decide(c, o));
            if (after != null) {
                after.run();
            }
        }
    }

    /** At start: outcomes whose record arrived while the server was down. */
    void recover() {
        for (String id : db.query("SELECT DISTINCT voided FROM case_outcomes WHERE status='waiting'",
                rs -> rs.getString(1))) {
            retry(id);
        }
    }

    private Runnable decide(Connection c, Outcome o) throws SQLException {
        List<String[]> accepted = new ArrayList<>();
        Map<String, Object> answer = new LinkedHashMap<>();
        String status;
        String code = null;
        switch (o.kind()) {
            case "different-people" -> {
                Database.update(c, "INSERT OR IGNORE INTO false_match_pairs(pair_key, packet_a, packet_b, event_id, at) "
                        + "VALUES (?,?,?,?,?)", RecordPair.key(o.a(), o.b()), o.a(), o.b(), o.eventId(), clock.millis());
                keep(c, o.a(), o.b(), o, accepted, answer);
                keep(c, o.b(), o.a(), o, accepted, answer);
                status = "applied";
            }
            case "same-person" -> {
                String[] result = voidRecord(c, o, accepted, answer);
                status = result[0];
                code = result[1];
            }
            case "no-show" -> status = "applied";
            default -> {
                status = "refused";
                code = "unknown-outcome";
            }
        }
        Database.update(c, "UPDATE case_outcomes SET status=?, code=? WHERE event_id=?", status, code, o.eventId());
        if ("applied".equals(status)) {
            Database.update(c, "UPDATE cases SET state=?, outcome=?, closed_at=? WHERE (case_id=? OR pair_key=?) "
                            + "AND state='assigned'", "no-show".equals(o.kind()) ? "escalated" : "closed", o.kind(),
                    clock.millis(), o.serverCaseId(), RecordPair.key(o.a(), o.b()));
        }
        answer.put("caseId", o.caseId());
        answer.put("eventId", o.eventId());
        answer.put("outcome", o.kind());
        answer.put("status", status);
        if (code != null) {
            answer.put("code", code);
        }
        FeedbackFeed.append(c, o.stationId(), null, "case-resolved", answer, clock.instant());
        LOG.info("case outcome {} ({}) from {}: {}{}", o.eventId(), o.kind(), o.stationId(), status,
                code == null ? "" : " " + code);
        return accepted.isEmpty() ? null : () -> accepted.forEach(a -> index(a[0]));
    }

    /** @return status and code */
    private String[] voidRecord(Connection c, Outcome o, List<String[]> accepted, Map<String, Object> answer)
            throws SQLException {
        if (o.voided() == null || o.kept() == null || !Set.of(o.a(), o.b()).containsAll(List.of(o.voided(), o.kept()))
                || o.voided().equals(o.kept())) {
            return new String[] {"refused", "malformed"};
        }
        Optional<PacketRecord> voided = PacketRepository.find(c, o.voided());
        if (voided.isEmpty() || !VOIDABLE.contains(voided.get().state())) {
            if (voided.isPresent() && voided.get().state() == PacketState.VOIDED_DUPLICATE) {
                return new String[] {"refused", "already-voided"};
            }
            if (voided.isPresent() && voided.get().state() == PacketState.REJECTED) {
                return new String[] {"refused", "rejected-record"};
            }
            // Not here yet (or not decided yet): applied when it is, if it comes from this station.
            return new String[] {"waiting", "unknown-record"};
        }
        if (!mayVoid(c, o, voided.get())) {
            return new String[] {"refused", "not-authorised"};
        }
        Database.update(c, "UPDATE packets SET state=? WHERE packet_id=?", PacketState.VOIDED_DUPLICATE.wire(), o.voided());
        Database.update(c, "INSERT OR REPLACE INTO voided_packets(packet_id, kept, reason, event_id, at) VALUES (?,?,?,?,?)",
                o.voided(), o.kept(), "duplicate", o.eventId(), clock.millis());
        answer.put("voided", o.voided());
        answer.put("voidedState", PacketState.VOIDED_DUPLICATE.wire());
        keep(c, o.kept(), o.voided(), o, accepted, answer);
        return new String[] {"applied", null};
    }

    /**
     * A station voids its own record, or the other record of a pair the server itself put before it:
     * a {@code duplicate} verdict on its record, or a case assigned to it.
     */
    private static boolean mayVoid(Connection c, Outcome o, PacketRecord voided) throws SQLException {
        if (voided.stationId().equals(o.stationId())) {
            return true;
        }
        String other = o.voided().equals(o.a()) ? o.b() : o.a();
        Optional<PacketRecord> mine = PacketRepository.find(c, other);
        if (mine.isPresent() && mine.get().stationId().equals(o.stationId()) && duplicateOf(mine.get(), o.voided())) {
            return true;
        }
        return Database.queryOne(c, "SELECT 1 FROM cases WHERE pair_key=? AND station_id=?", rs -> 1,
                RecordPair.key(o.a(), o.b()), o.stationId()).isPresent();
    }

    /** A record that stays and was held back as a duplicate of the other one is accepted now. */
    private void keep(Connection c, String kept, String other, Outcome o, List<String[]> accepted,
                      Map<String, Object> answer) throws SQLException {
        Optional<PacketRecord> k = PacketRepository.find(c, kept);
        if (k.isEmpty() || k.get().state() != PacketState.DUPLICATE || !duplicateOf(k.get(), other)) {
            return;
        }
        Map<String, Object> fields = Map.of("warnings", List.of("kept by KTP ganda case " + o.caseId()
                + " of station " + o.stationId()));
        PacketRepository.decide(c, kept, PacketState.ACCEPTED, null, null, Json.writeString(fields), clock.instant());
        Map<Integer, byte[]> templates = templates(k.get());
        dedup.storeTemplates(c, kept, templates);
        accepted.add(new String[] {kept});
        answer.put("kept", kept);
        answer.put("keptState", PacketState.ACCEPTED.wire());
    }

    private void index(String packetId) {
        // The templates are in the durable table now; the in-memory index reads them from there.
        dedup.catchUp();
    }

    /** The record's templates SourceAFIS can read (a demo record's random bytes are left out). */
    private Map<Integer, byte[]> templates(PacketRecord p) {
        Packet packet = records.packet(p);
        Map<Integer, byte[]> out = new TreeMap<>();
        for (PacketPart part : packet.parts()) {
            Matcher m = TEMPLATE.matcher(part.name());
            if (m.matches()) {
                try {
                    new FingerprintTemplate(part.bytes());
                    out.put(Integer.parseInt(m.group(1)), part.bytes());
                } catch (RuntimeException unreadable) {
                    // not a SourceAFIS template: never indexed, as at the first decision
                }
            }
        }
        return out;
    }

    private static boolean duplicateOf(PacketRecord p, String other) {
        if (p.verdictJson() == null) {
            return false;
        }
        JsonNode v = Json.tree(p.verdictJson().getBytes(StandardCharsets.UTF_8));
        return other.equals(v.path("duplicateOf").path("packetId").asText(null));
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }
}
