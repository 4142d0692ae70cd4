package id.rekam.app.field;

import id.rekam.app.ports.FieldWork;
import id.rekam.app.ports.TeamRelay;
import id.rekam.app.ui.AppContext;
import id.rekam.core.export.ExportException;
import id.rekam.core.export.PendingExport;
import id.rekam.core.export.SafetyBundles;
import id.rekam.sync.SyncFailure;
import id.rekam.sync.relay.BundleRelay;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes this station's safety bundle to a stick (records stay queued), and forwards a team
 * member's bundle to the server. Both run off the FX thread with progress; a refused bundle is
 * explained in words, with nothing sent.
 */
public final class BundlesController {

    private final AppContext ctx;
    @FXML private Label writePending;
    @FXML private TextField writeDir;
    @FXML private PasswordField writePassphrase;
    @FXML private PasswordField writePassphraseAgain;
    @FXML private Button writeButton;
    @FXML private ProgressBar writeProgress;
    @FXML private Label writeMessage;
    @FXML private TextField relayDir;
    @FXML private PasswordField relayPassphrase;
    @FXML private Button relayButton;
    @FXML private ProgressBar relayProgress;
    @FXML private Label relayMessage;

    public BundlesController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        showPending();
    }

    private void showPending() {
        FieldWork field = field();
        ctx.async(field::safetyPending, p -> writePending.setText(ctx.text("bundles.write.pending", p.unconfirmed(),
                p.notOnAnySafetyCopy(), p.unapproved())), e -> writePending.setText(String.valueOf(e.getMessage())));
    }

    @FXML
    private void chooseWriteDir() {
        choose(writeDir);
    }

    @FXML
    private void chooseRelayDir() {
        choose(relayDir);
    }

    private void choose(TextField into) {
        File f = new DirectoryChooser().showDialog(into.getScene().getWindow());
        if (f != null) {
            into.setText(f.getAbsolutePath());
        }
    }

    @FXML
    private void write() {
        Optional<Path> media = existingDir(writeDir, writeMessage);
        if (media.isEmpty()) {
            return;
        }
        if (!writePassphrase.getText().equals(writePassphraseAgain.getText())) {
            say(writeMessage, ctx.text("bundles.mismatch"), true);
            return;
        }
        char[] secret = writePassphrase.getText().toCharArray();
        FieldWork field = field();
        String operator = ctx.session().operator().id();
        writeButton.setDisable(true);
        writeProgress.setProgress(0);
        ctx.async(() -> {
            try {
                return (Object) field.writeSafetyBundle(media.get(), secret, operator, progress(writeProgress,
                        writeMessage));
            } catch (ExportException e) {
                return e;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, result -> {
            writeButton.setDisable(false);
            if (result instanceof ExportException e) {
                say(writeMessage, ctx.text("bundles.error." + e.problem().name(), ""), true);
                return;
            }
            SafetyBundles.Result r = (SafetyBundles.Result) result;
            writePassphrase.clear();
            writePassphraseAgain.clear();
            writeProgress.setProgress(1);
            say(writeMessage, r.bundle() == null ? ctx.text("bundles.nothing", r.alreadyOnMedia())
                    : ctx.text("bundles.written", r.bundleId(), r.written(), r.alreadyOnMedia()), false);
            showPending();
        }, e -> {
            writeButton.setDisable(false);
            say(writeMessage, ctx.text("field.failed", String.valueOf(e.getMessage())), true);
        });
    }

    @FXML
    private void relay() {
        Optional<Path> bundle = existingDir(relayDir, relayMessage);
        if (bundle.isEmpty()) {
            return;
        }
        Optional<TeamRelay> relay = ctx.services().sync().teamRelay();
        if (relay.isEmpty()) {
            say(relayMessage, ctx.text("bundles.relay.offline"), true);
            return;
        }
        char[] secret = relayPassphrase.getText().toCharArray();
        relayPassphrase.clear();
        String operator = ctx.session().operator().id();
        relayButton.setDisable(true);
        relayProgress.setProgress(0);
        ctx.async(() -> {
            try {
                return (Object) relay.get().relay(bundle.get(), secret, operator, progress(relayProgress,
                        relayMessage));
            } catch (BundleRelay.Refused | SyncFailure e) {
                return e;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, result -> {
            relayButton.setDisable(false);
            if (result instanceof BundleRelay.Refused e) {
                String detail = e.problem() == BundleRelay.Problem.TAMPERED || e.problem()
                        == BundleRelay.Problem.SERVER_REFUSED ? String.valueOf(e.getMessage()) : e.stationId();
                say(relayMessage, ctx.text("bundles.error." + e.problem().name(), detail), true);
                return;
            }
            if (result instanceof SyncFailure f) {
                say(relayMessage, ctx.text("bundles.error.network", f.getMessage()), true);
                return;
            }
            BundleRelay.Result r = (BundleRelay.Result) result;
            relayProgress.setProgress(1);
            say(relayMessage, ctx.text("bundles.relayed", r.originStationId(), r.stored(), r.alreadyHeld(),
                    r.unapproved()), false);
        }, e -> {
            relayButton.setDisable(false);
            say(relayMessage, ctx.text("field.failed", String.valueOf(e.getMessage())), true);
        });
    }

    private PendingExport.Progress progress(ProgressBar bar, Label message) {
        return (done, total) -> Platform.runLater(() -> {
            bar.setProgress(total == 0 ? 1 : (double) done / total);
            message.setText(ctx.text("bundles.working", done, total));
        });
    }

    private Optional<Path> existingDir(TextField field, Label message) {
        String text = field.getText() == null ? "" : field.getText().trim();
        if (text.isEmpty() || !Files.isDirectory(Path.of(text))) {
            say(message, ctx.text("bundles.noDir"), true);
            return Optional.empty();
        }
        return Optional.of(Path.of(text));
    }

    private static void say(Label label, String text, boolean error) {
        label.setText(text);
        label.getStyleClass().setAll("label", error ? "field-error" : "muted");
    }

    private FieldWork field() {
        return ctx.session().store().fieldWork();
    }
}
