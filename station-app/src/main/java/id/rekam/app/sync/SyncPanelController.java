package id.rekam.app.sync;

import id.rekam.app.ports.SyncPort;
import id.rekam.core.text.DeskTimes;
import id.rekam.app.fx.FxLatest;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Lifecycle;
import id.rekam.core.domain.Nik;
import id.rekam.core.text.DeskTimes;
import id.rekam.sync.SyncStatus;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where delivery stands: how many records wait, are being sent, are confirmed or need someone,
 * when the server last answered, when the next try is, why the last one failed; "push now".
 */
public final class SyncPanelController implements Lifecycle {

    private final AppContext ctx;
    private final SyncPort sync;
    private final Consumer<SyncStatus> listener = new FxLatest<>(s -> show(Optional.of(s)));
    @FXML private Label syncState;
    @FXML private Label waitingCount;
    @FXML private Label uploadingCount;
    @FXML private Label acknowledgedCount;
    @FXML private Label confirmedCount;
    @FXML private Label printReadyCount;
    @FXML private Label duplicateCount;
    @FXML private Label rejectedCount;
    @FXML private Label attentionCount;
    @FXML private Label lastContact;
    @FXML private Label nextRetry;
    @FXML private Label lastFailure;
    @FXML private Button pushNow;

    public SyncPanelController(AppContext ctx) {
        this.ctx = ctx;
        this.sync = ctx.services().sync();
    }

    @FXML
    private void initialize() {
        sync.addListener(listener);
        pushNow.setDisable(!sync.configured());
        reload();
    }

    /** The outbox counts come from the store: read them off the FX thread. */
    private void reload() {
        ctx.async(sync::status, this::show, e -> syncState.setText(ctx.text("status.error")));
    }

    private void show(Optional<SyncStatus> status) {
        if (!sync.configured()) {
            syncState.setText(ctx.text("sync.state.notConfigured"));
        } else if (status.isEmpty() || !status.get().running()) {
            syncState.setText(ctx.text("sync.state.stopped"));
        } else if (status.get().lastFailure() != null) {
            syncState.setText(ctx.text("sync.state.failing"));
        } else {
            syncState.setText(status.get().drained() ? ctx.text("sync.state.done") : ctx.text("sync.state.working"));
        }
        status.ifPresent(s -> {
            waitingCount.setText(Long.toString(s.waiting()));
            uploadingCount.setText(Long.toString(s.uploading()));
            acknowledgedCount.setText(Long.toString(s.acknowledged()));
            confirmedCount.setText(Long.toString(s.confirmed()));
            printReadyCount.setText(Long.toString(s.printReady()));
            duplicateCount.setText(Long.toString(s.duplicates()));
            rejectedCount.setText(Long.toString(s.rejected()));
            attentionCount.setText(Long.toString(s.needsAttention()));
            lastContact.setText(s.lastContact() == null ? ctx.text("sync.never") : time(s.lastContact()));
            nextRetry.setText(s.nextRetry() == null || s.lastFailure() == null ? "–" : time(s.nextRetry()));
            // A failure may quote the server; a NIK in it is masked here, on screen, and nowhere else.
            lastFailure.setText(s.lastFailure() == null ? ctx.text("sync.noFailure") : Nik.maskIn(s.lastFailure()));
            lastFailure.getStyleClass().removeAll("field-error", "muted");
            lastFailure.getStyleClass().add(s.lastFailure() == null ? "muted" : "field-error");
        });
    }

    private static String time(Instant t) {
        return DeskTimes.format(t, ZoneId.systemDefault());
    }

    @FXML
    private void pushNow() {
        sync.pushNow();
        syncState.setText(ctx.text("sync.state.pushing"));
    }

    @Override
    public void onLeave() {
        sync.removeListener(listener);
    }
}
