package id.rekam.app.testing;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.StationServices;
import id.rekam.app.service.DeviceStatusService;
import id.rekam.app.ui.AppContext;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A station wired with test doubles, for UI tests of the screens themselves. */
public final class TestStation {

    public static final String PASSPHRASE = "uji-stasiun-2026";

    public final MemoryStore store = new MemoryStore(PASSPHRASE);
    public final PaintedCamera camera = new PaintedCamera(new Color(31, 95, 191), 30);
    public final ScriptedScanner scanner = new ScriptedScanner();
    public final AppConfig config;
    public final AppContext ctx;

    public TestStation(Path dataDir, AppConfig.ApprovalMode mode, boolean demo) {
        config = new AppConfig("TEST-3276010-01", "Kecamatan Pancoran Mas, Kota Depok", "32.76.01", dataDir,
                Locale.forLanguageTag("id"), mode, demo, demo ? PASSPHRASE : null);
        DeviceStatusService status = new DeviceStatusService() {
            @Override
            public List<DeviceState> devices() {
                return List.of(new DeviceState("camera", camera.device().model(), true, true),
                        new DeviceState("fingerprint", scanner.device().model(), true, true));
            }

            @Override
            public Boolean online() {
                return Boolean.FALSE;
            }
        };
        StationServices services = new StationServices(store, new TinyRegions(), new DateOnlyNikCheck(), camera,
                scanner, new EqualityMatcher(), status);
        ctx = new AppContext(config, services, StationApp.bundle(config));
    }
}
