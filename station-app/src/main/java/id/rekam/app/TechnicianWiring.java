package id.rekam.app;

import id.rekam.app.adapters.devices.DevicesCamera;
import id.rekam.app.adapters.devices.DevicesScanner;
import id.rekam.app.adapters.diagnostics.StationDiagnosticsService;
import id.rekam.app.adapters.equipment.CoreEquipment;
import id.rekam.app.adapters.equipment.DeviceSightings;
import id.rekam.app.adapters.equipment.LoanProvenance;
import id.rekam.app.adapters.provisioning.StationSettings;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.ports.CameraService;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ports.TechnicianServices;
import id.rekam.devices.Devices;
import id.rekam.diag.software.UpdateCheckStamp;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The technician's part of the composition root (issue 17): every device the monitor sees goes
 * into the equipment register, the desk's camera and scanner name borrowed equipment's loan in
 * every capture, and the diagnostics run on the station's own devices, store and server.
 */
final class TechnicianWiring {

    private final DeviceSightings sightings;
    private final LoanProvenance provenance;
    private final TechnicianServices services;
    private final CameraService camera;
    private final FingerprintService scanner;

    TechnicianWiring(AppConfig config, CoreStoreGateway store, CompletableFuture<Devices> starting,
                     DevicesCamera deskCamera, DevicesScanner deskScanner) {
        Supplier<Devices> devices = () -> starting.getNow(null);
        sightings = new DeviceSightings(store::opened, devices);
        starting.thenAccept(d -> d.monitor().addListener(sightings));
        provenance = new LoanProvenance(store::opened, sightings);
        camera = provenance.camera(deskCamera);
        scanner = provenance.scanner(deskScanner);
        Runnable releaseDesk = () -> {
            deskScanner.close();
            deskCamera.close();
        };
        StationDiagnosticsService.Station station = new StationDiagnosticsService.Station(config.dataDir(), devices,
                releaseDesk, provenance, store::opened, () -> StationSettings.effective(config.dataDir()),
                () -> StationSettings.effective(config.dataDir()).getProperty(StationSettings.OFFICE, config.officeName()),
                config.locale());
        services = new TechnicianServices(new StationDiagnosticsService(station, UpdateCheckStamp.system(), Clock.systemUTC()),
                new CoreEquipment(store::opened, sightings, config.locale()));
    }

    /** The desk's camera, naming a borrowed camera's loan. */
    CameraService camera() {
        return camera;
    }

    /** The desk's scanner, naming a borrowed scanner's loan. */
    FingerprintService scanner() {
        return scanner;
    }

    TechnicianServices services() {
        return services;
    }
}
