package id.rekam.app.provisioning;

import id.rekam.app.core.CoreOpenStore;
import id.rekam.app.service.DeviceStatusService;
import id.rekam.app.service.OpenStore;
import id.rekam.app.service.Region;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.List;

/**
 * The technician's wizard: first run (office, station id, central server and its pin, one-time
 * code, store passphrase, first supervisor, devices) or, on an unlocked station, moving it to
 * another office. The work is {@link Provisioning}'s, off the FX thread.
 */
public final class ProvisioningController {

    private final AppContext ctx;
    @FXML private Label modeLabel;
    @FXML private ComboBox<Region> province;
    @FXML private ComboBox<Region> regency;
    @FXML private ComboBox<Region> district;
    @FXML private TextField stationId;
    @FXML private TextField deskName;
    @FXML private TextField serverUrl;
    @FXML private TextField serverPin;
    @FXML private TextField enrollmentCode;
    @FXML private PasswordField passphrase;
    @FXML private PasswordField passphraseAgain;
    @FXML private TextField supervisorId;
    @FXML private PasswordField supervisorPassword;
    @FXML private VBox serverBox;
    @FXML private VBox accountBox;
    @FXML private VBox deviceList;
    @FXML private Label message;
    @FXML private Button submit;
    private boolean reassign;

    public ProvisioningController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        reassign = ctx.session().storeProperty().get() != null;
        modeLabel.setText(ctx.text(reassign ? "provisioning.mode.reassign" : "provisioning.mode.firstRun"));
        submit.setText(ctx.text(reassign ? "provisioning.reassign" : "provisioning.submit"));
        for (VBox b : List.of(serverBox, accountBox)) {
            b.setVisible(!reassign);
            b.setManaged(!reassign);
        }
        stationId.setDisable(reassign);
        if (reassign && ctx.session().store() instanceof CoreOpenStore open) {
            stationId.setText(open.store().stationId());
        }
        province.valueProperty().addListener((o, a, p) -> load(regency, p));
        regency.valueProperty().addListener((o, a, r) -> load(district, r));
        district.valueProperty().addListener((o, a, d) -> {
            if (d != null && !reassign) {
                stationId.setText(Provisioning.proposedStationId(d.code()));
            }
        });
        ctx.async(() -> ctx.services().regions().provinces(), province.getItems()::setAll, this::fail);
        ctx.async(() -> ctx.services().deviceStatus().devices(), this::showDevices, this::fail);
    }

    private void load(ComboBox<Region> box, Region parent) {
        box.getItems().clear();
        if (parent != null) {
            ctx.async(() -> ctx.services().regions().children(parent.code()), box.getItems()::setAll, this::fail);
        }
    }

    private void showDevices(List<DeviceStatusService.DeviceState> devices) {
        deviceList.getChildren().clear();
        for (DeviceStatusService.DeviceState d : devices) {
            Label l = new Label(ctx.text("device." + d.kind()) + ": " + (d.ready()
                    ? ctx.text("provisioning.device.ready", d.model()) : ctx.text("provisioning.device.missing"))
                    + (d.simulated() ? " · " + ctx.text("device.simulated") : ""));
            l.getStyleClass().add(d.ready() ? "good" : "field-error");
            deviceList.getChildren().add(l);
        }
    }

    @FXML
    private void submit() {
        Region d = district.getValue();
        if (d == null) {
            show(ctx.text("provisioning.error.NOT_A_KECAMATAN"), true);
            return;
        }
        if (!reassign && !passphrase.getText().equals(passphraseAgain.getText())) {
            show(ctx.text("provisioning.passphraseMismatch"), true);
            return;
        }
        submit.setDisable(true);
        show(ctx.text("provisioning.working"), false);
        Provisioning.Request r = new Provisioning.Request(stationId.getText().trim(), d.code(), serverUrl.getText(),
                serverPin.getText().isBlank() ? null : serverPin.getText().trim(), enrollmentCode.getText(),
                deskName.getText());
        if (reassign) {
            OpenStore open = ctx.session().store();
            ctx.async(() -> {
                try {
                    provisioning().reassign(((CoreOpenStore) open).store(), d.code());
                    return null;
                } catch (ProvisioningException e) {
                    return e;
                }
            }, this::reassigned, this::fail);
        } else {
            char[] secret = passphrase.getText().toCharArray();
            char[] password = supervisorPassword.getText().toCharArray();
            String supervisor = supervisorId.getText().trim();
            ctx.async(() -> {
                try {
                    return (Object) provisioning().firstRun(secret, r, supervisor, password, StoreOptions.defaults());
                } catch (ProvisioningException e) {
                    return e;
                } finally {
                    Arrays.fill(secret, '\0');
                    Arrays.fill(password, '\0');
                }
            }, this::provisioned, this::fail);
        }
    }

    private Provisioning provisioning() {
        return new Provisioning(ctx.config().dataDir(), RegionCatalog.bundled(), technician());
    }

    private String technician() {
        var op = ctx.session().operatorProperty().get();
        return op == null ? "technician" : op.id();
    }

    private void provisioned(Object result) {
        submit.setDisable(false);
        if (result instanceof ProvisioningException e) {
            show(ctx.text("provisioning.error." + e.problem().name()), true);
            return;
        }
        passphrase.clear();
        passphraseAgain.clear();
        supervisorPassword.clear();
        ctx.session().storeProperty().set(new CoreOpenStore((StationStore) result));
        ctx.navigator().show(Screen.LOGIN);
    }

    private void reassigned(ProvisioningException e) {
        submit.setDisable(false);
        if (e != null) {
            show(ctx.text("provisioning.error." + e.problem().name(), e.getMessage().replaceAll("\\D+", "")), true);
        } else {
            show(ctx.text("provisioning.reassigned", district.getValue().name()), false);
        }
    }

    private void fail(Throwable e) {
        submit.setDisable(false);
        show(ctx.text("provisioning.failed", String.valueOf(e.getMessage())), true);
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().setAll("label", error ? "field-error" : "muted");
    }

    @FXML
    private void back() {
        ctx.navigator().show(ctx.session().operatorProperty().get() != null ? Screen.HOME : Screen.UNLOCK);
    }
}
