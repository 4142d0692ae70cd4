package id.rekam.server.dedup;

import id.rekam.core.domain.Nik;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.identification.Identification;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;
import id.rekam.server.store.Database;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a duplicate or needs-review feed entry carries about earlier records
 * (sync-protocol.md §6): who holds them, their NIK in full or masked, and the finger scores.
 */
final class VerdictFields {

    private final Database db;
    private final StationRegistry stations;

    VerdictFields(Database db, StationRegistry stations) {
        this.db = db;
        this.stations = stations;
    }

    /**
     * The earlier record. Its NIK is disclosed in full when it is the station's own data: a NIK
     * match (the station already holds that NIK) or a record from the same kabupaten/kota, whose
     * Dukcapil administers both. Otherwise it is masked (UU PDP data minimisation) and the
     * station/office tell the operator whom to ask.
     */
    Map<String, Object> otherRecord(String packetId, boolean fullNik) {
        record First(String stationId, String nik, long receivedAt) {
        }
        First first = db.queryOne("SELECT station_id, nik, received_at FROM packets WHERE packet_id=?",
                rs -> new First(rs.getString(1), rs.getString(2), rs.getLong(3)), packetId).orElseThrow();
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("packetId", packetId);
        other.put("stationId", first.stationId());
        other.put("office", stations.find(first.stationId()).map(Station::office).orElse(null));
        other.put("nik", fullNik ? first.nik() : Nik.of(first.nik()).masked());
        other.put("nikMasked", !fullNik);
        other.put("receivedAt", Instant.ofEpochMilli(first.receivedAt()).toString());
        return other;
    }

    /** Whether the earlier record comes from the same kabupaten/kota as the station asking. */
    boolean sameRegency(String packetId, Station from) {
        String otherOffice = db.queryOne("SELECT s.office FROM packets p JOIN stations s ON s.station_id=p.station_id "
                + "WHERE p.packet_id=?", rs -> rs.getString(1), packetId).orElse(null);
        return otherOffice != null && from.office().substring(0, 5).equals(otherOffice.substring(0, 5));
    }

    /** A candidate's matching finger pairs; {@code storedPosition} only when it is another position. */
    static List<Map<String, Object>> pairs(Identification.Candidate c, DuplicatePolicy policy) {
        return c.assessment().matches().stream().map(m -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("position", m.probe().isoCode());
            if (!m.samePosition()) {
                f.put("storedPosition", m.stored().isoCode());
            }
            f.put("score", round(m.score()));
            f.put("matched", policy.matches(m.score()));
            return f;
        }).toList();
    }

    static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }

}
