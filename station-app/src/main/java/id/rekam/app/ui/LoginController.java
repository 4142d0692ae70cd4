package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.OperatorService;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.Optional;

/** Operator login; on a new station it creates the first supervisor instead. */
public final class LoginController {

    private final AppContext ctx;
    @FXML private Label title;
    @FXML private Label explain;
    @FXML private TextField operatorId;
    @FXML private PasswordField pin;
    @FXML private VBox repeatBox;
    @FXML private PasswordField pinRepeat;
    @FXML private Label demoHint;
    @FXML private Label error;
    @FXML private Button loginButton;
    private boolean firstRun;

    public LoginController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        firstRun = !ctx.session().store().operators().hasOperators();
        if (firstRun) {
            title.setText(ctx.text("login.firstRun.title"));
            explain.setText(ctx.text("login.firstRun.explain"));
            loginButton.setText(ctx.text("login.firstRun.button"));
            repeatBox.setVisible(true);
            repeatBox.setManaged(true);
        }
        AppConfig.DemoLogins demo = ctx.config().demoLogins();
        if (demo != null && !firstRun) {
            demoHint.setText(ctx.text("login.demoHint", demo.supervisor(), demo.supervisorPassword(),
                    demo.operator(), demo.operatorPassword()));
            demoHint.setVisible(true);
            demoHint.setManaged(true);
        }
        operatorId.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                operatorId.requestFocus();
            }
        });
    }

    /** Enter moves to the next empty field, and logs in from the last one. */
    @FXML
    private void next() {
        TextField[] order = firstRun ? new TextField[] {operatorId, pin, pinRepeat}
                : new TextField[] {operatorId, pin};
        for (TextField f : order) {
            if (f.getText().isBlank()) {
                f.requestFocus();
                return;
            }
        }
        login();
    }

    @FXML
    private void login() {
        String id = operatorId.getText().trim();
        char[] secret = pin.getText().toCharArray();
        try {
            if (id.isEmpty()) {
                error.setText(ctx.text("login.idRequired"));
                return;
            }
            if (firstRun) {
                createSupervisor(id, secret);
            } else {
                Optional<Operator> op;
                try {
                    op = ctx.session().store().operators().login(id, secret);
                } catch (OperatorService.LockedException e) {
                    error.setText(ctx.text("login.locked"));
                    return;
                }
                op.ifPresentOrElse(this::enter, () -> {
                    error.setText(ctx.text("login.wrong"));
                    pin.clear();
                    pin.requestFocus();
                });
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private void createSupervisor(String id, char[] secret) {
        int min = ctx.session().store().operators().minPasswordLength();
        if (secret.length < min) {
            error.setText(ctx.text("login.pinShort", min));
            return;
        }
        if (!pin.getText().equals(pinRepeat.getText())) {
            error.setText(ctx.text("login.pinMismatch"));
            return;
        }
        enter(ctx.session().store().operators().createFirstSupervisor(id, secret));
    }

    private void enter(Operator op) {
        ctx.session().operatorProperty().set(op);
        ctx.navigator().show(Screen.HOME);
    }
}
