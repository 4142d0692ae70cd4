package id.rekam.server.admin;

import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketRepository;
import id.rekam.server.packets.PacketService;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;

import java.time.Duration;
import java.util.List;

/** What a server administrator may do; used by the CLI, the admin endpoint and tests. */
public final class AdminService {

    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofHours(24);

    private final StationRegistry stations;
    private final PacketRepository packets;
    private final PacketService packetService;

    public AdminService(StationRegistry stations, PacketRepository packets, PacketService packetService) {
        this.stations = stations;
        this.packets = packets;
        this.packetService = packetService;
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
}
