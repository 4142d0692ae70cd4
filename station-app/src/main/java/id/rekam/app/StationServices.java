package id.rekam.app;

import id.rekam.app.ports.CameraService;
import id.rekam.app.ports.DeviceStatusService;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ports.NikCheck;
import id.rekam.app.ports.ProvisioningService;
import id.rekam.app.ports.RegionService;
import id.rekam.app.ports.StoreGateway;
import id.rekam.app.ports.SyncPort;
import id.rekam.app.ports.TechnicianServices;

import java.util.Objects;

/** Everything the screens use, wired once at start-up (see {@link Bootstrap}). */
public record StationServices(
        StoreGateway store,
        RegionService regions,
        NikCheck nikCheck,
        CameraService camera,
        FingerprintService scanner,
        DeviceStatusService deviceStatus,
        SyncPort sync,
        ProvisioningService provisioning,
        TechnicianServices technician) {

    public StationServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(nikCheck, "nikCheck");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(deviceStatus, "deviceStatus");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(technician, "technician");
    }

    /** A station without the technician's services (screens tests that do not need them). */
    public StationServices(StoreGateway store, RegionService regions, NikCheck nikCheck, CameraService camera,
                           FingerprintService scanner, DeviceStatusService deviceStatus,
                           SyncPort sync, ProvisioningService provisioning) {
        this(store, regions, nikCheck, camera, scanner, deviceStatus, sync, provisioning,
                TechnicianServices.unwired());
    }
}
