package id.rekam.server.admin;

import id.rekam.core.domain.Nik;
import id.rekam.reports.LossNotice;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What may have been on a station reported stolen or lost (issue 14, item 5): the packets it
 * delivered whose purge it never confirmed (its copy may still be on its disk), the pending count
 * it last reported (records it held that never reached the server), when it was last heard from,
 * and what was done (revocation, commands). UU 27/2022 Pasal 46 asks for written notice within
 * 3×24 hours; the clock starts when the administrator reported the loss (the revocation).
 */
public record LossReport(Station station, Instant reportedAt, Instant deadline, List<Item> maybeOnStation,
                         int deliveredTotal, List<StationCommands.Issued> commands, Instant generatedAt) {

    public static final Duration NOTICE_PERIOD = Duration.ofHours(72);

    /** A delivered record whose local copy the station has not reported purged. NIK masked: this is a list. */
    public record Item(String packetId, Instant receivedAt, String state, String nikMasked) {
    }

    static LossReport of(Station s, List<PacketRecord> unpurged, List<PacketRecord> all,
                         List<StationCommands.Issued> commands, Instant now) {
        List<Item> items = new ArrayList<>();
        for (PacketRecord p : unpurged) {
            items.add(new Item(p.packetId(), p.receivedAt(), p.state().wire(),
                    p.nik() == null ? null : Nik.of(p.nik()).masked()));
        }
        int delivered = (int) all.stream().filter(p -> p.receivedAt() != null).count();
        Instant reported = s.revocation().at();
        return new LossReport(s, reported, reported.plus(NOTICE_PERIOD), List.copyOf(items), delivered,
                List.copyOf(commands), now);
    }

    /** At most this many people's records may have been on the station: unconfirmed purges plus the last pending count. */
    public int mostPeopleExposed() {
        return maybeOnStation.size() + (station.reportedPending() == null ? 0 : station.reportedPending());
    }

    public boolean eraseCommanded() {
        return commands.stream().anyMatch(c -> c.command().equals("crypto-erase"));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stationId", station.stationId());
        m.put("office", station.office());
        m.put("reason", station.revocation().reason().wire());
        m.put("reportedAt", reportedAt.toString());
        m.put("noticeDeadline", deadline.toString());
        m.put("lastContactAt", station.lastContactAt() == null ? null : station.lastContactAt().toString());
        m.put("reportedPending", station.reportedPending());
        m.put("reportedPendingAt", station.reportedAt() == null ? null : station.reportedAt().toString());
        m.put("unpurgedCount", maybeOnStation.size());
        m.put("mostPeopleExposed", mostPeopleExposed());
        m.put("deliveredTotal", deliveredTotal);
        m.put("encryptedAtRest", true);
        m.put("eraseCommanded", eraseCommanded());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Item i : maybeOnStation) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("packetId", i.packetId());
            o.put("receivedAt", i.receivedAt().toString());
            o.put("state", i.state());
            o.put("nik", i.nikMasked());
            items.add(o);
        }
        m.put("unpurged", items);
        m.put("generatedAt", generatedAt.toString());
        return m;
    }

    /** The notice the PDF is drafted from. */
    public LossNotice notice() {
        List<LossNotice.Row> rows = maybeOnStation.stream()
                .map(i -> new LossNotice.Row(i.packetId(), i.receivedAt(), i.nikMasked())).toList();
        return new LossNotice(station.stationId(), station.name(), station.office(),
                station.revocation().reason().wire(), station.revocation().note(), reportedAt, deadline,
                station.lastContactAt(), station.reportedPending(), station.reportedAt(), rows, deliveredTotal,
                eraseCommanded(), commands.stream().filter(c -> c.command().equals("crypto-erase"))
                .map(StationCommands.Issued::issuedAt).findFirst().orElse(null), generatedAt);
    }
}
