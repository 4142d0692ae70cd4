package id.rekam.app.ui;

import id.rekam.app.service.Counters;
import id.rekam.app.service.DeviceStatusService;
import id.rekam.app.service.Operator;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
    @FXML private Label syncLabel;
    @FXML private Label approvalLabel;
    @FXML private Label stationLabel;
    private Timeline refresher;

    public ShellController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        ctx.attach(new Navigator(ctx, content, this::refresh));
        boolean demo = ctx.config().demo();
        demoBanner.setVisible(demo);
        demoBanner.setManaged(demo);
        officeLabel.setText(ctx.config().officeName());
        stationLabel.setText(ctx.text("status.station", ctx.config().stationId()));
        ctx.session().operatorProperty().addListener((o, a, b) -> showOperator(b));
        showOperator(null);
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
            operatorLabel.setText(op.displayName());
            roleLabel.setText(ctx.text("role." + op.role().name()) + " · " + op.id());
        }
    }

    /** Reads devices and counters off the FX thread and shows them. */
    public void refresh() {
        var store = ctx.session().storeProperty().get();
        ctx.async(() -> new StatusSnapshot(ctx.services().deviceStatus().devices(),
                        ctx.services().deviceStatus().online(),
                        store == null ? null : store.records().counters(LocalDate.now(), ZoneId.systemDefault())),
                this::show, e -> networkLabel.setText(ctx.text("status.error")));
    }

    private record StatusSnapshot(List<DeviceStatusService.DeviceState> devices, Boolean online, Counters counters) {
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
        networkLabel.setText(s.online() == null ? ctx.text("status.network.none")
                : s.online() ? ctx.text("status.network.online") : ctx.text("status.network.offline"));
        networkLabel.getStyleClass().removeAll("good", "warn");
        networkLabel.getStyleClass().add(Boolean.TRUE.equals(s.online()) ? "good" : "warn");
        boolean counted = s.counters() != null;
        syncLabel.setVisible(counted);
        approvalLabel.setVisible(counted);
        if (counted) {
            syncLabel.setText(ctx.text("status.waitingSync", s.counters().waitingSync()));
            approvalLabel.setText(ctx.text("status.waitingApproval", s.counters().waitingApproval()));
        }
    }

    @FXML
    private void home() {
        ctx.navigator().show(Screen.HOME);
    }

    @FXML
    private void logout() {
        ctx.session().operatorProperty().set(null);
        ctx.navigator().show(Screen.LOGIN);
    }

    public void stop() {
        refresher.stop();
        ctx.navigator().leave();
    }
}
