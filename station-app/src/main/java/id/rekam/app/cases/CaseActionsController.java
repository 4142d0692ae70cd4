package id.rekam.app.cases;

import id.rekam.app.ui.AppContext;
import id.rekam.core.cases.CaseException;
import id.rekam.core.cases.CaseFile;
import id.rekam.core.cases.CaseState;
import id.rekam.core.cases.Invitation;
import id.rekam.core.cases.InvitationRequest;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Letters for one case: the first invitation, the second after a no-show (each printed at once,
 * from memory, its number and appointment recorded in the case), and the no-show itself.
 */
public final class CaseActionsController {

    private final AppContext ctx;
    private final CaseDesk desk;
    private Runnable onChanged = () -> { };
    private CaseFile file;

    @FXML private VBox root;
    @FXML private Label actionMessage;
    @FXML private VBox invitePane;
    @FXML private DatePicker inviteDate;
    @FXML private TextField inviteTime;
    @FXML private TextField invitePlace;
    @FXML private Button inviteButton;
    @FXML private Button noShowButton;

    public CaseActionsController(AppContext ctx, CaseDesk desk) {
        this.ctx = ctx;
        this.desk = desk;
    }

    void onChanged(Runnable r) {
        this.onChanged = r;
    }

    @FXML
    void initialize() {
        inviteTime.setText("09:00");
        CaseViews.dayFirst(inviteDate);
    }

    void show(CaseFile f) {
        boolean changedCase = file == null || !file.id().equals(f.id());
        file = f;
        if (changedCase) {
            actionMessage.setText("");
            invitePlace.setText(ctx.session().officeName().isBlank() ? "" : "Kantor " + ctx.session().officeName());
        }
        // A letter is for a day to come: tomorrow by the store's clock, unless a later day was chosen.
        java.time.LocalDate today = desk.cases().now().atZone(desk.service().zone()).toLocalDate();
        if (changedCase || inviteDate.getValue() == null || !inviteDate.getValue().isAfter(today)) {
            inviteDate.setValue(today.plusDays(1));
        }
        CaseState s = f.state();
        boolean open = s == CaseState.OPEN || s == CaseState.INVITED;
        boolean letterDue = open && (f.invitations().isEmpty()
                || (f.invitations().size() < 2 && f.lastInvitation().map(Invitation::noShow).orElse(false)));
        CaseViews.visible(invitePane, letterDue);
        inviteButton.setText(desk.t(f.invitations().isEmpty() ? "invite.button" : "invite.second"));
        CaseViews.visible(noShowButton, s == CaseState.INVITED
                && !f.lastInvitation().map(Invitation::noShow).orElse(true));
        CaseViews.visible(root, letterDue || noShowButton.isVisible() || !actionMessage.getText().isEmpty());
    }

    @FXML
    void invite() {
        Instant at;
        try {
            at = inviteDate.getValue().atTime(LocalTime.parse(inviteTime.getText().strip()))
                    .atZone(desk.service().zone()).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            fail(new CaseException("case.appointmentPast"));
            return;
        }
        String caseId = file.id();
        String place = invitePlace.getText();
        String operator = desk.operator();
        String district = desk.district();
        ctx.async(() -> {
            Invitation i = desk.cases().invitations().invite(caseId,
                    new InvitationRequest(at, place, desk.service().letterUnit(district)), operator);
            String printed = desk.print(desk.service().letters(List.of(i), district));
            desk.cases().invitations().printed(List.of(i), operator);
            return desk.t("invite.done", i.letterNumber(), i.addressee()) + printed;
        }, this::done, this::fail);
    }

    @FXML
    void recordNoShow() {
        String caseId = file.id();
        String operator = desk.operator();
        ctx.async(() -> desk.t("noShow.done", desk.cases().invitations().recordNoShow(caseId, operator).letterNumber()),
                this::done, this::fail);
    }

    private void done(String message) {
        CaseViews.ok(actionMessage, message);
        onChanged.run();
    }

    private void fail(Throwable e) {
        CaseViews.error(actionMessage, desk.explain(e));
    }
}
