package id.rekam.app.tech;

import id.rekam.app.ports.Operator;
import id.rekam.app.ports.TechnicianServices;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.core.auth.Permission;
import id.rekam.core.equipment.Loan;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The home screen's technician node: loans past their due date, for the roles core's policy lets
 * see them (they must chase them), and buttons to the diagnostics and the equipment register.
 */
public final class TechHomeController {

    private final AppContext ctx;
    @FXML private VBox root;
    @FXML private VBox overdueBox;
    @FXML private Label overdueTitle;
    @FXML private VBox overdueLines;
    @FXML private Button diagnostics;
    @FXML private Button equipment;

    public TechHomeController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        TechnicianServices tech = ctx.services().technician();
        Operator who = ctx.session().operator();
        boolean diag = tech.wired() && who.may(Permission.RUN_DIAGNOSTICS);
        boolean manage = tech.wired() && who.may(Permission.MANAGE_EQUIPMENT);
        show(diagnostics, diag);
        show(equipment, manage);
        show(root, diag || manage || tech.wired() && who.may(Permission.SEE_OVERDUE_LOANS));
        if (tech.wired() && who.may(Permission.SEE_OVERDUE_LOANS)) {
            ctx.async(() -> tech.equipment().overdue(), this::overdue, e -> { });
        }
    }

    private void overdue(List<Loan> loans) {
        show(overdueBox, !loans.isEmpty());
        if (loans.isEmpty()) {
            return;
        }
        overdueTitle.setText(ctx.text("tech.home.overdue", loans.size()));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd-MM-yyyy", ctx.config().locale());
        LocalDate today = LocalDate.now();
        overdueLines.getChildren().clear();
        for (Loan l : loans) {
            Label line = new Label(ctx.text("tech.home.overdueLine", l.device().deviceId(), l.device().model(),
                    l.fromOffice(), l.toOffice(), day.format(l.dueDate()), ChronoUnit.DAYS.between(l.dueDate(), today)));
            line.setWrapText(true);
            overdueLines.getChildren().add(line);
        }
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @FXML
    private void diagnostics() {
        ctx.navigator().show(Screen.DIAGNOSTICS);
    }

    @FXML
    private void equipment() {
        ctx.navigator().show(Screen.EQUIPMENT);
    }
}
