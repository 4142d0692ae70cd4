package id.rekam.server.admin;

import id.rekam.server.http.ApiException;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketService;
import id.rekam.server.stations.RevocationReason;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationCommands;
import id.rekam.server.stations.StationRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** What a server administrator may do; used by the CLI, the admin endpoint and tests. */
public final class AdminService {

    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofHours(24);

    private final StationRegistry stations;
    private final PacketRepository packets;
    private final PacketService packetService;
    private final StationCommands commands;
    private final Clock clock;

    public AdminService(StationRegistry stations, PacketRepository packets, PacketService packetService,
                        StationCommands commands, Clock clock) {
        this.stations = stations;
        this.packets = packets;
        this.packetService = packetService;
        this.commands = commands;
        this.clock = clock;
    }

    /** A one-time code a technician types into a new station; valid for 24 hours. */
    public StationRegistry.IssuedCode createEnrollmentCode(String office) {
        return stations.createCode(office, DEFAULT_CODE_VALIDITY);
    }

    public StationRegistry.IssuedCode createEnrollmentCode(String office, Duration validity) {
        return stations.createCode(office, validity);
    }

    public List<Station> stations() {
        return stations.list();
    }

    public List<PacketRecord> packets() {
        return packets.list();
    }

    /** @return false if the packet is not in state accepted */
    public boolean markPrintReady(String packetId) {
        return packetService.markPrintReady(packetId);
    }

    /**
     * Shuts a station out (stolen, lost, decommissioned): from now on its requests are refused with
     * {@code station-revoked}; what it delivered before stays. {@code command} (lock or
     * crypto-erase, may be null) goes with the revocation notice it gets on its next try.
     */
    public Station revoke(String stationId, RevocationReason reason, String note, String by, String command) {
        if (command != null) {
            commands.issue(stationId, command, reason.wire(), by);
        }
        return stations.revoke(stationId, reason, note, by);
    }

    public StationCommands.Issued command(String stationId, String command, String reason, String by) {
        return commands.issue(stationId, command, reason, by);
    }

    public List<StationCommands.Issued> commands(String stationId) {
        return commands.of(stationId);
    }

    /**
     * What may have been on a station reported stolen or lost, for the Pasal 46 notification.
     *
     * @throws ApiException 404 unknown station, 409 {@code not-reported-lost} unless revoked as stolen or lost
     */
    public LossReport lossReport(String stationId) {
        Station s = stations.find(stationId).orElseThrow(() -> new ApiException(404, "unknown-station",
                "no station " + stationId));
        if (!s.revoked() || !s.revocation().reason().possibleExposure()) {
            throw new ApiException(409, "not-reported-lost", "station " + stationId
                    + " is not revoked as stolen or lost; revoke it first (the report counts from then)");
        }
        return LossReport.of(s, packets.unpurgedOf(stationId), packets.ofStation(stationId), commands.of(stationId),
                clock.instant());
    }
}
