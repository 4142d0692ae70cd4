package id.rekam.app.cases;

import id.rekam.app.ports.FingerprintService;
import id.rekam.app.ui.AppContext;
import id.rekam.core.cases.CaseException;
import id.rekam.core.cases.CaseFile;
import id.rekam.core.cases.CaseRecord;
import id.rekam.core.cases.CaseState;
import id.rekam.core.cases.Invitation;
import id.rekam.core.cases.Outcome;
import id.rekam.core.cases.OutcomeRequest;
import id.rekam.core.cases.VoidReason;
import id.rekam.core.domain.FingerPosition;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Preparing an outcome with the citizen at the desk: which outcome, which record stays (or whose
 * the citizen is), why the other is voided; the finger is scanned and core matches it 1:1 against
 * the record that stays. When the match fails or cannot be made, a supervisor's exception with a
 * reason. A no-show needs no citizen. The operator only prepares: another person confirms.
 */
public final class CasePrepareController {

    private static final Set<String> EXCEPTION_HELPS = Set.of("case.noMatch", "case.noTemplates",
            "case.probeUnreadable", "case.probeMissing");

    private final AppContext ctx;
    private final CaseDesk desk;
    private final ToggleGroup outcome = new ToggleGroup();
    private Runnable onChanged = () -> { };
    private CaseFile file;
    private byte[] lastProbe;
    private long missedShown = -1;

    @FXML private VBox root;
    @FXML private Label prepareMessage;
    @FXML private RadioButton samePerson;
    @FXML private RadioButton differentPeople;
    @FXML private RadioButton noShow;
    @FXML private ComboBox<CaseRecord> kept;
    @FXML private ComboBox<VoidReason> voidReason;
    @FXML private CheckBox cardSurrendered;
    @FXML private TextField note;
    @FXML private Button prepareButton;
    @FXML private VBox exceptionPane;
    @FXML private TextField exceptionSupervisor;
    @FXML private PasswordField exceptionPassword;
    @FXML private TextField exceptionReason;

    public CasePrepareController(AppContext ctx, CaseDesk desk) {
        this.ctx = ctx;
        this.desk = desk;
    }

    void onChanged(Runnable r) {
        this.onChanged = r;
    }

    @FXML
    void initialize() {
        for (RadioButton r : List.of(samePerson, differentPeople, noShow)) {
            r.setToggleGroup(outcome);
        }
        samePerson.setSelected(true);
        outcome.selectedToggleProperty().addListener((o, a, b) -> outcomeChanged());
        voidReason.getItems().setAll(VoidReason.values());
        voidReason.setConverter(converter(v -> desk.t("void." + v.name())));
        kept.setConverter(converter(r -> (r.fullName() == null ? "" : r.fullName() + " \u00b7 ")
                + r.registrationId().substring(0, 8) + " \u00b7 " + (r.stationId() == null ? "-" : r.stationId())));
        CaseViews.visible(exceptionPane, false);
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    void show(CaseFile f) {
        boolean changedCase = file == null || !file.id().equals(f.id());
        file = f;
        long missed = f.invitations().stream().filter(Invitation::noShow).count();
        if (changedCase) {
            prepareMessage.setText("");
            lastProbe = null;
            CaseViews.visible(exceptionPane, false);
            kept.getItems().setAll(f.second(), f.first());
            kept.getSelectionModel().selectFirst();
            voidReason.setValue(VoidReason.MOVED_AWAY);
            note.clear();
            cardSurrendered.setSelected(false);
        }
        if (changedCase || missed != missedShown) {
            // The second letter missed: the no-show is what is left to prepare.
            outcome.selectToggle(missed >= 2 ? noShow : samePerson);
            missedShown = missed;
        }
        noShow.setDisable(missed < 2);
        CaseViews.visible(root, f.state() == CaseState.OPEN || f.state() == CaseState.INVITED);
        outcomeChanged();
    }

    private void outcomeChanged() {
        Outcome o = selected();
        kept.setDisable(o == Outcome.NO_SHOW);
        voidReason.setDisable(o != Outcome.SAME_PERSON);
        cardSurrendered.setDisable(o != Outcome.SAME_PERSON);
        prepareButton.setText(desk.t(o == Outcome.NO_SHOW ? "prepare.buttonNoShow" : "prepare.button"));
    }

    private Outcome selected() {
        return outcome.getSelectedToggle() == noShow ? Outcome.NO_SHOW
                : outcome.getSelectedToggle() == differentPeople ? Outcome.DIFFERENT_PEOPLE : Outcome.SAME_PERSON;
    }

    @FXML
    void prepare() {
        if (selected() == Outcome.NO_SHOW) {
            submit(request(null));
            return;
        }
        prepareMessage.setText(desk.t("prepare.placeFinger"));
        ctx.async(this::scan, probe -> {
            lastProbe = probe;
            submit(request(probe));
        }, e -> CaseViews.error(prepareMessage, desk.explain(e)));
    }

    @FXML
    void approveException() {
        char[] password = exceptionPassword.getText().toCharArray();
        exceptionPassword.clear();
        submit(request(lastProbe).withException(new OutcomeRequest.SupervisorException(exceptionSupervisor.getText(),
                password, exceptionReason.getText())));
    }

    private OutcomeRequest request(byte[] probe) {
        String keptId = kept.getValue() == null ? null : kept.getValue().registrationId();
        OutcomeRequest r = switch (selected()) {
            case NO_SHOW -> OutcomeRequest.noShow(note.getText());
            case SAME_PERSON -> OutcomeRequest.samePerson(keptId, voidReason.getValue(), note.getText(), probe);
            case DIFFERENT_PEOPLE -> OutcomeRequest.differentPeople(keptId, note.getText(), probe);
        };
        return selected() == Outcome.SAME_PERSON && cardSurrendered.isSelected() ? r.withCardSurrendered() : r;
    }

    private void submit(OutcomeRequest request) {
        String caseId = file.id();
        String operator = desk.operator();
        ctx.async(() -> desk.cases().decisions().prepare(caseId, request, operator), p -> {
            CaseViews.visible(exceptionPane, false);
            CaseViews.ok(prepareMessage, desk.t("prepare.done", p.preparedBy()));
            onChanged.run();
        }, e -> {
            CaseViews.error(prepareMessage, desk.explain(e));
            if (e instanceof CaseException c && EXCEPTION_HELPS.contains(c.messageKey())) {
                CaseViews.visible(exceptionPane, true);
                exceptionSupervisor.requestFocus();
            }
        });
    }

    private byte[] scan() {
        try {
            return ctx.services().scanner().capture(FingerPosition.RIGHT_INDEX).template();
        } catch (FingerprintService.ScanException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
