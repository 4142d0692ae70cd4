package id.rekam.app.ui;

import id.rekam.app.ports.Counters;
import id.rekam.app.ports.DeviceStatusService;
import id.rekam.app.ports.Operator;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import id.rekam.app.fx.FxLatest;
import javafx.scene.control.Hyperlink;
import id.rekam.sync.SyncStatus;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The frame around every screen: top bar (office, operator), DEMO banner, status bar. */
public final class ShellController {

    private final AppContext ctx;
    @FXML private BorderPane root;
    @FXML private HBox demoBanner;
    @FXML private Label demoText;
    @FXML private Label officeLabel;
    @FXML private VBox operatorBox;
    @FXML private Label operatorLabel;
    @FXML private Label roleLabel;
    @FXML private Button homeButton;
    @FXML private Button logoutButton;
    @FXML private StackPane content;
    @FXML private HBox deviceBox;
    @FXML private Label networkLabel;
    @FXML private Hyperlink syncLabel;
    @FXML private Label approvalLabel;
    @FXML private Label stationLabel;
    private Timeline refresher;
    private id.rekam.app.fx.FocusKeeper focusKeeper;
    /** Sync-thread callbacks hop to the FX thread; the snapshot is already computed there. */
    private final Consumer<SyncStatus> syncListener = new FxLatest<>(this::showSync);

    public ShellController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        ctx.attach(new Navigator(ctx, content, () -> {
            refresh();
            if (focusKeeper != null) {
                focusKeeper.screenShown();
            }
        }));
        // The keyboard scheme and the focus keeper belong to the window, so every screen has them.
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && old == null) {
                ShellKeys.install(scene, ctx);
                focusKeeper = id.rekam.app.fx.FocusKeeper.install(scene, content);
            }
        });
        boolean demo = ctx.config().demo();
        demoBanner.setVisible(demo);
        demoBanner.setManaged(demo);
        officeLabel.textProperty().bind(ctx.session().officeNameProperty());
        stationLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                ctx.session().stationIdProperty().get().isEmpty() ? ctx.text("status.station.none")
                        : ctx.text("status.station", ctx.session().stationIdProperty().get()),
                ctx.session().stationIdProperty()));
        // On a narrow window the network message is the status item that gets cut short.
        Tooltip networkTip = new Tooltip();
        networkTip.textProperty().bind(networkLabel.textProperty());
        networkLabel.setTooltip(networkTip);
        ctx.session().operatorProperty().addListener((o, a, b) -> showOperator(b));
        showOperator(null);
        ctx.services().sync().addListener(syncListener);
        // Delivery runs once the store is open, started off the FX thread (HTTP client set-up).
        ctx.session().storeProperty().addListener((o, a, store) -> {
            if (store != null) {
                ctx.async(() -> {
                    ctx.services().sync().start();
                    return true;
                }, ok -> { }, e -> networkLabel.setText(ctx.text("status.error")));
            }
        });
        refresher = new Timeline(new KeyFrame(Duration.seconds(5), e -> refresh()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
    }

    private void showOperator(Operator op) {
        boolean in = op != null;
        operatorBox.setVisible(in);
        homeButton.setVisible(in);
        logoutButton.setVisible(in);
        if (in) {
            // The store keeps no name besides the account id, so name and id are usually the same:
            // show it once, with the role under it.
            operatorLabel.setText(op.displayName().isBlank() ? op.id() : op.displayName());
            roleLabel.setText(ctx.text("role." + op.role().name()));
        }
    }

    /** Reads devices and counters off the FX thread and shows them. */
    public void refresh() {
        var store = ctx.session().storeProperty().get();
        ctx.async(() -> new StatusSnapshot(ctx.services().deviceStatus().devices(),
                        ctx.services().sync().status().orElse(null),
                        store == null ? null : store.records().counters(LocalDate.now(), ZoneId.systemDefault())),
                this::show, e -> networkLabel.setText(ctx.text("status.error")));
    }

    private record StatusSnapshot(List<DeviceStatusService.DeviceState> devices, SyncStatus sync, Counters counters) {
    }

    private void show(StatusSnapshot s) {
        deviceBox.getChildren().clear();
        for (DeviceStatusService.DeviceState d : s.devices()) {
            Circle dot = new Circle(5);
            dot.getStyleClass().add(d.ready() ? "dot-ok" : "dot-off");
            Label l = new Label(ctx.text("device." + d.kind()) + (d.simulated() ? " · " + ctx.text("device.simulated") : ""),
                    dot);
            l.getStyleClass().add("status-item");
            deviceBox.getChildren().add(l);
        }
        showSync(s.sync());
        boolean counted = s.counters() != null;
        syncLabel.setVisible(counted);
        approvalLabel.setVisible(counted);
        if (counted && s.sync() == null) {
            syncLabel.setText(ctx.text("status.waitingSync", s.counters().waitingSync()));
        }
        if (counted) {
            approvalLabel.setText(ctx.text("status.waitingApproval", s.counters().waitingApproval()));
        }
    }

    /**
     * The network line says what the sync service last saw: not provisioned, not yet reached,
     * reached, or the reason it failed (records stay safe on the station meanwhile).
     */
    private void showSync(SyncStatus s) {
        String text;
        boolean good = false;
        if (!ctx.services().sync().configured()) {
            text = ctx.text("status.network.none");
        } else if (s == null) {
            text = ctx.text("status.network.starting");
        } else if (s.lastFailure() != null) {
            text = ctx.text("status.network.offline");
        } else if (s.lastContact() == null) {
            text = ctx.text("status.network.starting");
        } else {
            text = ctx.text("status.network.online");
            good = true;
        }
        networkLabel.setText(text);
        networkLabel.getStyleClass().removeAll("good", "warn");
        networkLabel.getStyleClass().add(good ? "good" : "warn");
        if (s != null) {
            syncLabel.setText(syncLine(s));
        }
    }

    /**
     * "Sinkron: 8 menunggu", with the being-verified and needs-attention counts only when there
     * are some: the full line with its zeros pushed the network message into "…" at 1280 px.
     */
    private String syncLine(SyncStatus s) {
        StringBuilder line = new StringBuilder(ctx.text("status.sync", s.waiting() + s.uploading()));
        if (s.acknowledged() > 0) {
            line.append(' ').append(ctx.text("status.sync.verifying", s.acknowledged()));
        }
        if (s.needsAttention() + s.rejected() > 0) {
            line.append(' ').append(ctx.text("status.sync.attention", s.needsAttention() + s.rejected()));
        }
        return line.toString();
    }

    @FXML
    private void openSync() {
        if (ctx.session().operatorProperty().get() != null) {
            ctx.navigator().show(Screen.SYNC);
        }
    }

    @FXML
    private void home() {
        ctx.navigator().show(Screen.HOME);
    }

    @FXML
    private void logout() {
        ShellKeys.logout(ctx);
    }

    public void stop() {
        refresher.stop();
        ctx.services().sync().removeListener(syncListener);
        ctx.navigator().leave();
    }
}
