package id.rekam.core.store;

import id.rekam.core.outbox.OutboxState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What coverage counts need of one record and nothing more: its kelurahan/desa code (from the
 * sealed summary), the day it was committed (office time), who recorded it and where its packet
 * stands.
 */
public record RecordFact(String villageCode, LocalDate day, String operatorId, OutboxState state) {

    static List<RecordFact> read(Database db, SummaryIndex index, ZoneId zone) {
        Map<String, String> villages = index.villages();
        return db.read(c -> {
            List<RecordFact> out = new ArrayList<>(villages.size());
            try (PreparedStatement p = c.prepareStatement("SELECT r.id, r.operator_id, r.committed_at, o.state "
                    + "FROM records r JOIN packets p ON p.record_id = r.id JOIN outbox o ON o.packet_id = p.id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecordFact(villages.get(rs.getString(1)),
                            LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(3)), zone), rs.getString(2),
                            OutboxState.valueOf(rs.getString(4))));
                }
            }
            return out;
        });
    }
}
