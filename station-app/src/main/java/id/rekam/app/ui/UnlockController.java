package id.rekam.app.ui;

import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.StoreGateway;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

import java.util.Arrays;

/** First screen: the supervisor passphrase opens (or, on a new station, creates) the encrypted store. */
public final class UnlockController {

    private final AppContext ctx;
    @FXML private PasswordField passphrase;
    @FXML private Label demoHint;
    @FXML private Label error;
    @FXML private Button unlockButton;
    @FXML private javafx.scene.control.Hyperlink setupLink;

    public UnlockController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        String demo = ctx.config().demoPassphrase();
        if (demo != null) {
            passphrase.setText(demo);
            demoHint.setText(ctx.text("unlock.demoHint", demo));
            demoHint.setVisible(true);
            demoHint.setManaged(true);
        }
        // A station without a store and not yet provisioned is set up by a technician first.
        boolean fresh = !ctx.config().demo() && !ctx.services().store().exists();
        setupLink.setVisible(fresh);
        setupLink.setManaged(fresh);
        passphrase.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                passphrase.requestFocus();
            }
        });
    }

    @FXML
    private void setup() {
        ctx.navigator().show(Screen.PROVISIONING);
    }

    @FXML
    private void unlock() {
        char[] secret = passphrase.getText().toCharArray();
        if (secret.length == 0) {
            error.setText(ctx.text("unlock.empty"));
            return;
        }
        unlockButton.setDisable(true);
        error.getStyleClass().setAll("label", "muted");
        error.setText(ctx.text("unlock.working"));
        ctx.async(() -> {
            try {
                return ctx.services().store().unlock(secret);
            } catch (StoreGateway.WrongPassphraseException e) {
                return null;
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, this::opened, e -> {
            unlockButton.setDisable(false);
            error.getStyleClass().setAll("label", "field-error");
            error.setText(ctx.text("unlock.failed", ctx.explain(e)));
        });
    }

    private void opened(OpenStore store) {
        unlockButton.setDisable(false);
        error.getStyleClass().setAll("label", "field-error");
        if (store == null) {
            error.setText(ctx.text("unlock.wrong"));
            passphrase.selectAll();
            passphrase.requestFocus();
            return;
        }
        passphrase.clear();
        ctx.session().storeProperty().set(store);
        ctx.navigator().show(Screen.LOGIN);
    }
}
