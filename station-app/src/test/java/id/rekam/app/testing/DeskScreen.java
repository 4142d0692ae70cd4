package id.rekam.app.testing;

import id.rekam.app.AppConfig;
import id.rekam.app.StationApp;
import id.rekam.app.StationServices;
import id.rekam.app.adapters.provisioning.StationProvisioning;
import id.rekam.app.adapters.regions.CatalogRegions;
import id.rekam.app.adapters.regions.ValidatorNikCheck;
import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.adapters.sync.StationSync;
import id.rekam.app.ports.DeviceStatusService;
import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ports.Operator;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Fxml;
import id.rekam.app.ui.Screen;
import id.rekam.core.nik.NikValidator;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StationStore;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.awt.Color;
import java.util.List;

/**
 * One screen of the station on a store the test made itself (its accounts, records, clock), offline,
 * with a painted camera and the given scanner, logged in as the given operator: for desks whose data
 * a test prepares behind the screens (cards, cases).
 */
public final class DeskScreen {

    private DeskScreen() {
    }

    /** @return the context (close it after the test) */
    public static AppContext show(Stage stage, StationStore store, AppConfig config, FingerprintService scanner,
                                  Operator operator, Screen screen, int width, int height) {
        RegionCatalog catalog = RegionCatalog.bundled();
        DeviceStatusService status = new DeviceStatusService() {
            @Override
            public List<DeviceState> devices() {
                return List.of();
            }

            @Override
            public Boolean online() {
                return Boolean.FALSE;
            }
        };
        CoreStoreGateway gateway = new CoreStoreGateway(config.dataDir(), TestStation.STATION_ID, TestStation.fastStore());
        StationServices services = new StationServices(gateway, new CatalogRegions(catalog),
                new ValidatorNikCheck(new NikValidator(catalog), config.locale()),
                new PaintedCamera(new Color(31, 95, 191), 30), scanner, status,
                StationSync.offline(config.locale()), new StationProvisioning(gateway, () -> catalog));
        AppContext ctx = new AppContext(config, services, StationApp.bundle(config));
        ctx.session().storeProperty().set(gateway.adopt(store));
        ctx.session().operatorProperty().set(operator);
        Parent root = Fxml.load(ctx, screen.resource()).root();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(StationApp.class.getResource("/id/rekam/app/css/station.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return ctx;
    }
}
