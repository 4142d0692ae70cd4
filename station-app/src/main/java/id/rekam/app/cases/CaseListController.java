package id.rekam.app.cases;

import id.rekam.app.ui.AppContext;
import id.rekam.core.cases.CasePeriodReport;
import id.rekam.core.cases.CaseQr;
import id.rekam.core.cases.CaseSummary;
import id.rekam.core.cases.Invitation;
import id.rekam.core.cases.InvitationRequest;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every case on this station, one list whatever raised it: search (or scan a letter's QR), Enter
 * opens a case; letters for a whole kelurahan in time slots (F8); the period report for the Dinas
 * (F9). Letters and reports go to the printer from memory.
 */
public final class CaseListController {

    private static final String DEFAULT = "rekam.default";

    private final AppContext ctx;
    private final CaseDesk desk;
    private List<CaseSummary> all = List.of();
    private Instant now = Instant.now();

    @FXML private VBox root;
    @FXML private TextField query;
    @FXML private CheckBox openOnly;
    @FXML private Label count;
    @FXML private TableView<CaseSummary> table;
    @FXML private TableColumn<CaseSummary, String> idCol;
    @FXML private TableColumn<CaseSummary, String> citizenCol;
    @FXML private TableColumn<CaseSummary, String> nikCol;
    @FXML private TableColumn<CaseSummary, String> villageCol;
    @FXML private TableColumn<CaseSummary, String> sourceCol;
    @FXML private TableColumn<CaseSummary, String> stateCol;
    @FXML private TableColumn<CaseSummary, String> ageCol;
    @FXML private TableColumn<CaseSummary, String> deadlineCol;
    @FXML private TableColumn<CaseSummary, String> lettersCol;
    @FXML private ComboBox<String> batchVillage;
    @FXML private DatePicker batchDate;
    @FXML private TextField batchTime;
    @FXML private TextField batchPlace;
    @FXML private TextField batchSlot;
    @FXML private Button batchInvite;
    @FXML private Label batchMessage;
    @FXML private DatePicker reportFrom;
    @FXML private DatePicker reportTo;
    @FXML private Label reportMessage;

    public CaseListController(AppContext ctx, CaseDesk desk) {
        this.ctx = ctx;
        this.desk = desk;
    }

    @FXML
    void initialize() {
        idCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id().substring(0, 8)));
        citizenCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(orDash(c.getValue().citizen())));
        nikCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(orDash(c.getValue().nikShown())));
        villageCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(desk.service().villageName(c.getValue().villageCode())));
        sourceCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(desk.t("source." + c.getValue().source().name())));
        stateCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state().name()));
        stateCol.setCellFactory(col -> chip());
        ageCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(desk.t("age.days", c.getValue().ageDays(now))));
        deadlineCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(deadline(c.getValue())));
        lettersCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().rounds())));
        query.textProperty().addListener((o, a, b) -> filter());
        query.setOnAction(e -> enter());
        openOnly.setSelected(true);
        openOnly.selectedProperty().addListener((o, a, b) -> refresh());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        batchVillage.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : desk.service().villageName(code) + " (" + code + ")";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        // Alt+letters, not F-keys: the F-keys open screens from everywhere (ui.ShellKeys).
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isAltDown() || e.isShortcutDown()) {
                return;
            }
            if (e.getCode() == KeyCode.U) {
                e.consume();
                batchVillage.requestFocus();
            } else if (e.getCode() == KeyCode.L) {
                e.consume();
                printReport();
            }
        });
        for (DatePicker d : List.of(batchDate, reportFrom, reportTo)) {
            CaseViews.dayFirst(d);
        }
        batchTime.setText("09:00");
        batchSlot.setText("15");
        batchPlace.setText(ctx.session().officeName().isBlank() ? "" : "Kantor " + ctx.session().officeName());
        root.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                query.requestFocus();
            }
        });
    }

    private TableCell<CaseSummary, String> chip() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label chip = new Label(desk.t("state." + s));
                chip.getStyleClass().addAll("case-chip", "case-" + s);
                setGraphic(chip);
            }
        };
    }

    private String deadline(CaseSummary s) {
        String d = desk.time(s.deadline());
        return s.overdue(now) ? desk.t("deadline.overdue", d) : d;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** Reloads the list (after a case changed) and the defaults that depend on the store's time. */
    void refresh() {
        boolean open = openOnly.isSelected();
        ctx.async(() -> new Loaded(takingWaiting().list(open), desk.cases().now(),
                        List.copyOf(desk.cases().openCases().byVillage().keySet())),
                this::show, e -> count.setText(desk.explain(e)));
    }

    private record Loaded(List<CaseSummary> cases, Instant now, List<String> villages) {
    }

    private void show(Loaded l) {
        all = l.cases();
        now = l.now();
        LocalDate today = now.atZone(desk.service().zone()).toLocalDate();
        // Defaults follow the store's clock (a desk left open overnight) until the operator picks other dates.
        followDefault(batchDate, today.plusDays(1));
        followDefault(reportFrom, today.withDayOfMonth(1));
        followDefault(reportTo, today);
        String selected = batchVillage.getValue();
        batchVillage.getItems().setAll(l.villages().stream().filter(v -> !"-".equals(v)).toList());
        batchVillage.setValue(selected != null && batchVillage.getItems().contains(selected) ? selected
                : batchVillage.getItems().isEmpty() ? null : batchVillage.getItems().get(0));
        filter();
    }

    private void followDefault(DatePicker picker, LocalDate value) {
        Object shown = picker.getProperties().get(DEFAULT);
        if (picker.getValue() == null || picker.getValue().equals(shown)) {
            picker.setValue(value);
            picker.getProperties().put(DEFAULT, value);
        }
    }

    private void filter() {
        String q = query.getText() == null ? "" : query.getText().strip().toLowerCase(Locale.ROOT);
        List<CaseSummary> shown = new ArrayList<>();
        for (CaseSummary s : all) {
            if (q.isEmpty() || s.id().toLowerCase(Locale.ROOT).startsWith(q)
                    || (s.citizen() != null && s.citizen().toLowerCase(Locale.ROOT).contains(q))
                    || (s.nikShown() != null && s.nikShown().startsWith(q))
                    || desk.service().villageName(s.villageCode()).toLowerCase(Locale.ROOT).contains(q)) {
                shown.add(s);
            }
        }
        table.getItems().setAll(shown);
        count.setText(desk.t("list.count", shown.size()));
    }

    /** Enter in the search field: a scanned letter or a whole case id opens that case; else go to the list. */
    private void enter() {
        String q = query.getText() == null ? "" : query.getText().strip();
        if (q.startsWith(CaseQr.PREFIX) || q.length() == 36) {
            String id = CaseQr.caseId(q);
            ctx.async(() -> desk.cases().find(id).isPresent(), found -> {
                if (found) {
                    query.clear();
                    desk.open(id);
                } else {
                    count.setText(desk.t("list.notFound", id));
                }
            }, e -> count.setText(desk.explain(e)));
            return;
        }
        table.requestFocus();
        table.getSelectionModel().selectFirst();
    }

    private void openSelected() {
        CaseSummary s = table.getSelectionModel().getSelectedItem();
        if (s != null) {
            desk.open(s.id());
        }
    }

    @FXML
    void inviteVillage() {
        String village = batchVillage.getValue();
        Instant at;
        Duration slot;
        try {
            at = batchDate.getValue().atTime(LocalTime.parse(batchTime.getText().strip()))
                    .atZone(desk.service().zone()).toInstant();
            slot = Duration.ofMinutes(Long.parseLong(batchSlot.getText().strip()));
        } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
            batchMessage.setText(desk.t("batch.none"));
            return;
        }
        if (village == null) {
            batchMessage.setText(desk.t("batch.none"));
            return;
        }
        String place = batchPlace.getText();
        String operator = desk.operator();
        String district = desk.district();
        InvitationRequest request = new InvitationRequest(at, place, desk.service().letterUnit(district), slot);
        ctx.async(() -> {
            List<Invitation> letters = desk.cases().invitations().inviteVillage(village, request, operator);
            if (letters.isEmpty()) {
                return desk.t("batch.none");
            }
            byte[] pdf = desk.service().letters(letters, district);
            String printed = desk.print(pdf);
            desk.cases().invitations().printed(letters, operator);
            return desk.t("batch.done", letters.size(), desk.time(letters.get(0).appointment()),
                    desk.time(letters.get(letters.size() - 1).appointment())) + printed;
        }, m -> {
            batchMessage.setText(m);
            refresh();
        }, e -> batchMessage.setText(desk.explain(e)));
    }

    @FXML
    void printReport() {
        LocalDate from = reportFrom.getValue();
        LocalDate to = reportTo.getValue();
        String district = desk.district();
        ctx.async(() -> {
            CasePeriodReport r = desk.cases().period(from, to);
            String printed = desk.print(desk.service().report(r, district, desk.cases().now()));
            return desk.t("report.done", desk.date(from), desk.date(to), r.openedTotal(), r.closedTotal(),
                    r.escalated().size()) + printed;
        }, reportMessage::setText, e -> reportMessage.setText(desk.explain(e)));
    }

    /** The cases this desk's store holds, after taking what waits on it (once per unlock). */
    private id.rekam.core.cases.Cases takingWaiting() {
        desk.service().takeWaiting();
        return desk.cases();
    }
}
