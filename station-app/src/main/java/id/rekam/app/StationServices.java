package id.rekam.app;

import id.rekam.app.service.CameraService;
import id.rekam.app.service.DeviceStatusService;
import id.rekam.app.service.FingerprintMatcher;
import id.rekam.app.service.FingerprintService;
import id.rekam.app.service.NikCheck;
import id.rekam.app.service.RegionService;
import id.rekam.app.service.StoreGateway;
import id.rekam.app.service.SyncPort;
import id.rekam.app.sync.StationSync;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Everything the screens use, wired once at start-up (see {@link Bootstrap}). */
public record StationServices(
        StoreGateway store,
        RegionService regions,
        NikCheck nikCheck,
        CameraService camera,
        FingerprintService scanner,
        FingerprintMatcher matcher,
        DeviceStatusService deviceStatus,
        SyncPort sync) {

    /** A station without a central server configured: it records offline. */
    public StationServices(StoreGateway store, RegionService regions, NikCheck nikCheck, CameraService camera,
                           FingerprintService scanner, FingerprintMatcher matcher, DeviceStatusService deviceStatus) {
        this(store, regions, nikCheck, camera, scanner, matcher, deviceStatus,
                new StationSync(Optional::empty, Locale.forLanguageTag("id")));
    }

    public StationServices {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(nikCheck, "nikCheck");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(deviceStatus, "deviceStatus");
        Objects.requireNonNull(sync, "sync");
    }
}
