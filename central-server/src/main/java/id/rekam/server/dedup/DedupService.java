package id.rekam.server.dedup;

import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.Nik;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketPart;
import id.rekam.server.packets.EnrollmentContent;
import id.rekam.server.packets.PacketState;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Decides accepted / duplicate / rejected for an enrollment packet: first by NIK (the same
 * NIK in an earlier accepted record from another packet), then by fingerprints 1:N against
 * every accepted record of every station, same finger position only. Callers serialise
 * calls (one decision at a time) so two copies of one person cannot both pass.
 */
public final class DedupService {

    private static final Pattern TEMPLATE_PART = Pattern.compile("finger-(\\d{2})\\.tpl");

    public record Settings(double threshold, int minMatchingFingers, boolean acceptUnparseableTemplates) {
    }

    private final Database db;
    private final FingerprintIndex index;
    private final StationRegistry stations;
    private final Settings settings;
    private static final Logger LOG = LoggerFactory.getLogger(DedupService.class);

    private final EnrollmentPackets enrollment = new EnrollmentPackets();
    private final EnrollmentContent content = new EnrollmentContent();
    private final FingerComparison comparison;

    /**
     * Records never to report as duplicates of each other again: a KTP ganda case decided they are
     * two people (docs/design/cases.md). Checked against each candidate before a verdict.
     */
    @FunctionalInterface
    public interface Exclusions {
        boolean excluded(String packetId, String candidatePacketId);
    }

    private Exclusions exclusions = (a, b) -> false;

    public void exclude(Exclusions e) {
        this.exclusions = e;
    }

    public DedupService(Database db, FingerprintIndex index, StationRegistry stations, Settings settings) {
        this.db = db;
        this.index = index;
        this.stations = stations;
        this.settings = settings;
        this.comparison = new FingerComparison(db);
    }

    /** Loads the templates of accepted records into memory; called once at start. */
    public void loadIndex() {
        db.query("SELECT t.packet_id, t.position, t.template FROM templates t JOIN packets p ON p.packet_id=t.packet_id "
                        + "WHERE p.state IN ('accepted','print-ready')",
                rs -> {
                    index.add(rs.getString(1), rs.getInt(2), new FingerprintTemplate(rs.getBytes(3)));
                    return null;
                });
    }

    /** The NIK of a packet, for storing beside it; empty if the demographics are unreadable. */
    public Optional<Nik> nik(Packet packet) {
        try {
            return Optional.of(enrollment.demographics(packet).nik());
        } catch (PacketFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Verdict decide(Packet packet, Station from) {
        Optional<EnrollmentContent.Problem> problem = content.check(packet);
        if (problem.isPresent()) {
            return Verdict.rejected(problem.get().code(), problem.get().message());
        }
        Demographics demographics;
        try {
            enrollment.fromPacket(packet);
            demographics = enrollment.demographics(packet);
        } catch (PacketFormatException e) {
            // The schemas describe all that is read here, so this means they and the reader drifted
            // apart: the station gets a plain reason, the detail stays in the server's log.
            LOG.error("packet {} passed the content checks but does not read as an enrollment", packet.id(), e);
            return Verdict.rejected(EnrollmentContent.INVALID_PART,
                    "the enrollment parts follow their schemas but do not read together as one record");
        }
        Map<Integer, FingerprintTemplate> probes = new TreeMap<>();
        Map<Integer, byte[]> serialised = new TreeMap<>();
        List<String> unparseable = new ArrayList<>();
        for (PacketPart part : packet.parts()) {
            Matcher m = TEMPLATE_PART.matcher(part.name());
            if (!m.matches()) {
                continue;
            }
            int position = Integer.parseInt(m.group(1));
            try {
                probes.put(position, new FingerprintTemplate(part.bytes()));
                serialised.put(position, part.bytes());
            } catch (RuntimeException e) {
                unparseable.add(part.name());
            }
        }
        // A NIK match is a duplicate whatever the prints; they are scored only as its evidence.
        Optional<Verdict> byNik = nikDuplicate(packet.id(), demographics.nik(), probes);
        if (byNik.isPresent()) {
            return byNik.get();
        }
        if (!unparseable.isEmpty() && !settings.acceptUnparseableTemplates()) {
            return Verdict.rejected("unparseable-template",
                    "not SourceAFIS templates: " + String.join(", ", unparseable));
        }
        Optional<Verdict> byPrint = fingerprintDuplicate(packet.id(), probes, from);
        if (byPrint.isPresent()) {
            return byPrint.get();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!unparseable.isEmpty()) {
            fields.put("warnings", unparseable.stream()
                    .map(n -> n + " is not a SourceAFIS template; fingerprint duplicate check skipped for it").toList());
        }
        return new Verdict(PacketState.ACCEPTED, null, null, fields, serialised);
    }

    /** Adds an accepted record's templates to the durable table (inside the caller's transaction). */
    public void storeTemplates(Connection c, String packetId, Map<Integer, byte[]> templates) throws SQLException {
        for (Map.Entry<Integer, byte[]> t : templates.entrySet()) {
            Database.update(c, "INSERT OR REPLACE INTO templates(packet_id, position, template) VALUES (?,?,?)",
                    packetId, t.getKey(), t.getValue());
        }
    }

    /** Adds them to memory, after the transaction committed. */
    public void indexTemplates(String packetId, Map<Integer, byte[]> templates) {
        templates.forEach((position, bytes) -> index.add(packetId, position, new FingerprintTemplate(bytes)));
    }

    private Optional<Verdict> nikDuplicate(String packetId, Nik nik, Map<Integer, FingerprintTemplate> probes) {
        return db.query("SELECT packet_id FROM packets WHERE nik=? AND packet_id<>? AND state IN "
                        + "('accepted','print-ready') ORDER BY received_at, packet_id",
                rs -> rs.getString(1), nik.value(), packetId).stream()
                .filter(first -> !exclusions.excluded(packetId, first)).findFirst()
                .map(first -> duplicate("nik", first, true, probes));
    }

    private Optional<Verdict> fingerprintDuplicate(String packetId, Map<Integer, FingerprintTemplate> probes,
                                                   Station from) {
        Map<String, List<FingerprintIndex.Hit>> byRecord = new HashMap<>();
        for (Map.Entry<Integer, FingerprintTemplate> p : probes.entrySet()) {
            for (FingerprintIndex.Hit hit : index.search(p.getKey(), p.getValue(), settings.threshold())) {
                byRecord.computeIfAbsent(hit.packetId(), k -> new ArrayList<>()).add(hit);
            }
        }
        return byRecord.entrySet().stream()
                .filter(e -> e.getValue().size() >= settings.minMatchingFingers())
                .filter(e -> !exclusions.excluded(packetId, e.getKey()))
                .max((a, b) -> Double.compare(total(a.getValue()), total(b.getValue())))
                .map(best -> {
                    String otherOffice = officeOf(best.getKey());
                    boolean sameRegency = otherOffice != null && from.office().substring(0, 5)
                            .equals(otherOffice.substring(0, 5));
                    return duplicate("fingerprint", best.getKey(), sameRegency, probes);
                });
    }

    private static double total(List<FingerprintIndex.Hit> hits) {
        return hits.stream().mapToDouble(FingerprintIndex.Hit::score).sum();
    }

    private String officeOf(String packetId) {
        return db.queryOne("SELECT s.office FROM packets p JOIN stations s ON s.station_id=p.station_id "
                + "WHERE p.packet_id=?", rs -> rs.getString(1), packetId).orElse(null);
    }

    /**
     * The first record's NIK is disclosed in full when it is the station's own data: a NIK
     * match (the station already holds that NIK) or a record from the same kabupaten/kota,
     * whose Dukcapil administers both. Otherwise it is masked (UU PDP data minimisation) and
     * the station/office tell the operator whom to ask.
     */
    private Verdict duplicate(String matchedBy, String firstPacketId, boolean fullNik,
                              Map<Integer, FingerprintTemplate> probes) {
        record First(String stationId, String nik, long receivedAt) {
        }
        First first = db.queryOne("SELECT station_id, nik, received_at FROM packets WHERE packet_id=?",
                rs -> new First(rs.getString(1), rs.getString(2), rs.getLong(3)), firstPacketId).orElseThrow();
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("packetId", firstPacketId);
        other.put("stationId", first.stationId());
        other.put("office", stations.find(first.stationId()).map(Station::office).orElse(null));
        other.put("nik", fullNik ? first.nik() : Nik.of(first.nik()).masked());
        other.put("nikMasked", !fullNik);
        other.put("receivedAt", Instant.ofEpochMilli(first.receivedAt()).toString());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("matchedBy", matchedBy);
        fields.put("duplicateOf", other);
        List<Map<String, Object>> fingers = comparison.against(firstPacketId, probes, settings.threshold());
        if (!fingers.isEmpty()) {
            fields.put("fingers", fingers);
        }
        fields.put("matchThreshold", settings.threshold());
        String message = "same " + ("nik".equals(matchedBy) ? "NIK" : "fingerprints") + " as packet " + firstPacketId;
        return new Verdict(PacketState.DUPLICATE, "duplicate-" + matchedBy, message, fields, Map.of());
    }
}
