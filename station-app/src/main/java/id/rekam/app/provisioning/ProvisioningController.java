package id.rekam.app.provisioning;

import id.rekam.app.ports.DeviceStatusService;
import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.PendingExports;
import id.rekam.app.ports.ProvisioningException;
import id.rekam.app.ports.ProvisioningService;
import id.rekam.app.ports.Region;
import id.rekam.app.ports.StoreGateway;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.app.ui.ScreenKeys;
import id.rekam.core.export.ExportException;
import id.rekam.core.export.PendingExport;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The technician's wizard: first run (office, station id, central server and its pin, one-time
 * code, store passphrase, first supervisor, devices) or, on an unlocked station, moving it to
 * another office. The work is the {@link ProvisioningService}'s, off the FX thread.
 */
public final class ProvisioningController implements ScreenKeys {

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
    /** Crypto-erase after this many wrong passphrases in a row; 0 = never (the default). */
    @FXML private ComboBox<Integer> eraseAfter;
    @FXML private CheckBox eraseEvenIfPending;
    @FXML private VBox serverBox;
    @FXML private VBox accountBox;
    @FXML private VBox deviceList;
    @FXML private Label message;
    @FXML private Button submit;
    @FXML private Button backButton;
    /** The office's kecamatan to preselect (a move starts from where the station is). */
    private String wanted;
    @FXML private VBox exportBox;
    @FXML private Label exportPending;
    @FXML private TextField exportDir;
    @FXML private PasswordField exportPassphrase;
    @FXML private PasswordField exportPassphraseAgain;
    @FXML private Button exportButton;
    @FXML private ProgressBar exportProgress;
    @FXML private Label exportMessage;
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
        exportBox.setVisible(reassign);
        exportBox.setManaged(reassign);
        if (reassign) {
            showPending();
        }
        stationId.setDisable(reassign);
        if (reassign) {
            stationId.setText(ctx.session().store().stationId());
        }
        // A station without a store or settings has no screen to go back to: the wizard is its first.
        boolean canGoBack = reassign || ctx.config().registered() || ctx.services().store().exists();
        backButton.setVisible(canGoBack);
        backButton.setManaged(canGoBack);
        wanted = reassign ? ctx.session().districtCode() : null;
        province.valueProperty().addListener((o, a, p) -> load(regency, p));
        regency.valueProperty().addListener((o, a, r) -> load(district, r));
        district.valueProperty().addListener((o, a, d) -> {
            if (d != null && !reassign) {
                stationId.setText(ProvisioningService.proposedStationId(d.code()));
            }
        });
        UnlockPolicyChoice.bind(eraseAfter, eraseEvenIfPending, ctx);
        ctx.async(() -> ctx.services().regions().provinces(), items -> {
            province.getItems().setAll(items);
            preselect(province);
        }, this::fail);
        ctx.async(() -> ctx.services().deviceStatus().devices(), this::showDevices, this::fail);
    }

    private void load(ComboBox<Region> box, Region parent) {
        box.getItems().clear();
        if (parent != null) {
            ctx.async(() -> ctx.services().regions().children(parent.code()), items -> {
                box.getItems().setAll(items);
                preselect(box);
            }, this::fail);
        }
    }

    /** Station settings open on the office the station serves now, not on empty pickers. */
    private void preselect(ComboBox<Region> box) {
        if (wanted == null) {
            return;
        }
        box.getItems().stream().filter(r -> wanted.equals(r.code()) || wanted.startsWith(r.code() + "."))
                .findFirst().ifPresent(r -> box.getSelectionModel().select(r));
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
            passphraseAgain.requestFocus();
            return;
        }
        if (!reassign) {
            var weak = provisioning().passphraseWeakness(passphrase.getText().toCharArray(), stationId.getText().trim());
            if (weak.isPresent()) {
                show(ctx.explain(new StoreGateway.WeakPassphraseException(weak.get())), true);
                passphrase.requestFocus();
                return;
            }
        }
        submit.setDisable(true);
        show(ctx.text("provisioning.working"), false);
        int erase = eraseAfter.getValue() == null ? 0 : eraseAfter.getValue();
        ProvisioningService.Request r = new ProvisioningService.Request(stationId.getText().trim(), d.code(), serverUrl.getText(),
                serverPin.getText().isBlank() ? null : serverPin.getText().trim(), enrollmentCode.getText(),
                deskName.getText(), erase, erase > 0 && eraseEvenIfPending.isSelected());
        if (reassign) {
            String technician = technician();
            ctx.async(() -> {
                try {
                    return (Object) provisioning().reassign(d.code(), technician);
                } catch (ProvisioningException e) {
                    return e;
                }
            }, result -> reassigned(result, d.code()), this::fail);
        } else {
            char[] secret = passphrase.getText().toCharArray();
            char[] password = supervisorPassword.getText().toCharArray();
            String supervisor = supervisorId.getText().trim();
            ctx.async(() -> {
                try {
                    OpenStore store = provisioning().firstRun(secret, r, supervisor, password);
                    return (Object) new Provisioned(store, provisioning().officeName(r.districtCode()), r);
                } catch (ProvisioningException e) {
                    return e;
                } finally {
                    Arrays.fill(secret, '\0');
                    Arrays.fill(password, '\0');
                }
            }, this::provisioned, this::fail);
        }
    }

    private void showPending() {
        PendingExports exports = ctx.session().store().pendingExports();
        ctx.async(exports::pending, p -> exportPending.setText(
                ctx.text("provisioning.export.pending", p.packets(), p.events(), p.unapproved())), this::exportFailed);
    }

    @FXML
    private void chooseExportDir() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(ctx.text("provisioning.export.dir"));
        File f = chooser.showDialog(exportDir.getScene().getWindow());
        if (f != null) {
            exportDir.setText(f.getAbsolutePath());
        }
    }

    /**
     * Writes every pending packet and event, encrypted, to the chosen folder; the records move
     * to EXPORTED, after which the move to another office is allowed. Off the FX thread, with
     * progress: an office with days of records writes hundreds of megabytes to a slow stick.
     */
    @FXML
    private void exportPending() {
        Path target = exportDir.getText().isBlank() ? null : Path.of(exportDir.getText().trim());
        if (target == null || !Files.isDirectory(target)) {
            showExport(ctx.text("provisioning.export.noDir"), true);
            return;
        }
        if (!exportPassphrase.getText().equals(exportPassphraseAgain.getText())) {
            showExport(ctx.text("provisioning.passphraseMismatch"), true);
            return;
        }
        char[] secret = exportPassphrase.getText().toCharArray();
        PendingExports exports = ctx.session().store().pendingExports();
        String technician = technician();
        exportButton.setDisable(true);
        exportProgress.setProgress(0);
        ctx.async(() -> {
            try {
                return (Object) exports.export(target, secret, technician,
                        (done, total) -> Platform.runLater(() -> {
                            exportProgress.setProgress(total == 0 ? 1 : (double) done / total);
                            exportMessage.setText(ctx.text("provisioning.export.working", done, total));
                        }));
            } catch (ExportException e) {
                return e;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, this::exported, this::exportFailed);
    }

    private void exported(Object result) {
        exportButton.setDisable(false);
        if (result instanceof ExportException e) {
            showExport(ctx.text("provisioning.export.error." + e.problem().name()), true);
            return;
        }
        PendingExport.Result r = (PendingExport.Result) result;
        exportPassphrase.clear();
        exportPassphraseAgain.clear();
        exportProgress.setProgress(1);
        showExport(r.bundle() == null ? ctx.text("provisioning.export.nothing")
                : ctx.text("provisioning.export.done", r.packets(), r.events(), r.bundle().toString()), false);
        showPending();
    }

    private void exportFailed(Throwable e) {
        exportButton.setDisable(false);
        showExport(ctx.text("provisioning.export.failed", ctx.explain(e)), true);
    }

    private void showExport(String text, boolean error) {
        exportMessage.setText(text);
        exportMessage.getStyleClass().setAll("label", error ? "field-error" : "muted");
    }

    private ProvisioningService provisioning() {
        return ctx.services().provisioning();
    }

    private String technician() {
        var op = ctx.session().operatorProperty().get();
        return op == null ? "technician" : op.id();
    }

    private record Provisioned(OpenStore store, String office, ProvisioningService.Request request) {
    }

    private void provisioned(Object result) {
        submit.setDisable(false);
        if (result instanceof ProvisioningException e) {
            show(ctx.text("provisioning.error." + e.problem().name()), true);
            return;
        }
        Provisioned p = (Provisioned) result;
        passphrase.clear();
        passphraseAgain.clear();
        supervisorPassword.clear();
        // The header, the footer and the window title name the office and id just registered.
        ctx.session().officeNameProperty().set(p.office());
        ctx.session().districtCodeProperty().set(p.request().districtCode());
        ctx.session().stationIdProperty().set(p.store().stationId());
        ctx.session().storeProperty().set(p.store());
        ctx.navigator().show(Screen.LOGIN);
    }

    private void reassigned(Object result, String districtCode) {
        submit.setDisable(false);
        if (result instanceof ProvisioningException e) {
            show(ctx.text("provisioning.error." + e.problem().name(), e.getMessage().replaceAll("\\D+", "")), true);
            return;
        }
        String office = (String) result;
        // Top bar, window title, receipts and address pickers read these: the move shows now.
        ctx.session().districtCodeProperty().set(districtCode);
        ctx.session().officeNameProperty().set(office);
        show(ctx.text("provisioning.reassigned", office), false);
    }

    private void fail(Throwable e) {
        submit.setDisable(false);
        show(ctx.text("provisioning.failed", ctx.explain(e)), true);
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().setAll("label", error ? "field-error" : "muted");
    }

    /** Esc: back where the wizard was opened from (home, or the unlock screen before anyone logs in). */
    @Override
    public boolean onEscape() {
        if (backButton.isVisible()) {
            back();
        }
        return true;
    }

    @FXML
    private void back() {
        ctx.navigator().show(ctx.session().operatorProperty().get() != null ? Screen.HOME : Screen.UNLOCK);
    }
}
