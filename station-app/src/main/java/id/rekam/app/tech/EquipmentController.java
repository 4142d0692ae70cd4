package id.rekam.app.tech;

import id.rekam.app.ports.EquipmentService;
import id.rekam.app.ui.AppContext;
import id.rekam.core.auth.Permission;
import id.rekam.core.equipment.Condition;
import id.rekam.core.equipment.EquipmentItem;
import id.rekam.core.equipment.Loan;
import id.rekam.core.equipment.LoanRequest;
import id.rekam.core.equipment.LoanReturn;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The equipment register (every device the station has seen, with its owner) and the loans
 * between offices: record a set lent to or borrowed from another office — who handed it over,
 * who received it, its condition, when it is due back — and its return. The store refuses what
 * core's policy does not allow; this screen shows the refusal in the desk's language.
 */
public final class EquipmentController {

    private final AppContext ctx;
    private final EquipmentService service;
    private final EquipmentTables tables;
    @FXML private HBox notAllowed;
    @FXML private TableView<EquipmentItem> devices;
    @FXML private TableView<Loan> loans;
    @FXML private ComboBox<EquipmentItem> device;
    @FXML private RadioButton borrowing;
    @FXML private RadioButton lending;
    @FXML private TextField otherOffice;
    @FXML private TextField handedBy;
    @FXML private TextField receivedBy;
    @FXML private ComboBox<Condition> condition;
    @FXML private TextField note;
    @FXML private DatePicker due;
    @FXML private Button lendButton;
    @FXML private javafx.scene.layout.VBox lendCard;
    @FXML private javafx.scene.layout.VBox returnCard;
    @FXML private Label returnLoan;
    @FXML private TextField returnHandedBy;
    @FXML private TextField returnReceivedBy;
    @FXML private ComboBox<Condition> returnCondition;
    @FXML private TextField returnNote;
    @FXML private Button returnButton;
    @FXML private Label message;

    public EquipmentController(AppContext ctx) {
        this.ctx = ctx;
        this.service = ctx.services().technician().equipment();
        this.tables = new EquipmentTables(ctx::text, ctx.bundle()::containsKey, ctx.config().locale());
    }

    @FXML
    private void initialize() {
        boolean allowed = ctx.session().operator().may(Permission.MANAGE_EQUIPMENT);
        notAllowed.setVisible(!allowed);
        notAllowed.setManaged(!allowed);
        lendButton.setDisable(!allowed);
        ToggleGroup direction = new ToggleGroup();
        borrowing.setToggleGroup(direction);
        lending.setToggleGroup(direction);
        for (ComboBox<Condition> box : List.of(condition, returnCondition)) {
            box.setItems(FXCollections.observableArrayList(Condition.values()));
            box.setConverter(converter(c -> ctx.text("tech.condition." + c.name())));
            box.getSelectionModel().select(Condition.GOOD);
        }
        device.setConverter(converter(i -> i.deviceId() + " · " + i.model()));
        device.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(EquipmentItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : device.getConverter().toString(item));
            }
        });
        due.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"), null));
        due.setValue(LocalDate.now().plusDays(14));
        devices.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) {
                device.getSelectionModel().select(item);
            }
        });
        loans.getSelectionModel().selectedItemProperty().addListener((o, a, loan) -> pick(loan, allowed));
        refresh();
    }

    private void pick(Loan loan, boolean allowed) {
        boolean open = loan != null && loan.open();
        // A loan still out turns the form into its return; anything else is a new loan.
        lendCard.setVisible(!open);
        returnCard.setVisible(open);
        returnButton.setDisable(!open || !allowed);
        returnLoan.setText(loan == null ? ctx.text("tech.eq.return.pick") : open
                ? ctx.text("tech.eq.return.selected", loan.device().deviceId(), loan.fromOffice(), loan.toOffice())
                : ctx.text("tech.eq.return.already", loan.device().deviceId()));
        if (open) {
            // Back the other way: who received it hands it back, to who lent it.
            returnHandedBy.setText(loan.receivedBy());
            returnReceivedBy.setText(loan.handedBy());
        }
    }

    private void refresh() {
        ctx.async(() -> new Lists(service.devices(), service.loans()), lists -> {
            Map<String, Loan> open = EquipmentTables.openByDevice(lists.loans());
            String ours = ctx.session().officeName();
            tables.devices(devices, open::get, ours);
            tables.loans(loans, LocalDate.now(), ours);
            EquipmentItem chosen = device.getValue();
            devices.setItems(FXCollections.observableArrayList(lists.devices()));
            loans.setItems(FXCollections.observableArrayList(lists.loans()));
            device.setItems(FXCollections.observableArrayList(lists.devices()));
            if (chosen != null) {
                lists.devices().stream().filter(d -> d.deviceId().equals(chosen.deviceId())).findFirst()
                        .ifPresent(d -> device.getSelectionModel().select(d));
            }
        }, this::failed);
    }

    private record Lists(List<EquipmentItem> devices, List<Loan> loans) {
    }

    @FXML
    private void lend() {
        EquipmentItem item = device.getValue();
        if (item == null) {
            show(ctx.text("tech.eq.pickDevice"), true);
            return;
        }
        String ours = ctx.session().officeName();
        String other = otherOffice.getText();
        boolean borrow = borrowing.isSelected();
        LoanRequest request = new LoanRequest(item.deviceId(), borrow ? other : ours, borrow ? ours : other,
                handedBy.getText(), receivedBy.getText(), condition.getValue(), note.getText(), due.getValue());
        String actor = ctx.session().operator().id();
        ctx.async(() -> service.lend(request, actor), loan -> {
            show(ctx.text("tech.eq.lent", loan.device().deviceId(), loan.fromOffice(), loan.toOffice()), false);
            otherOffice.clear();
            handedBy.clear();
            receivedBy.clear();
            note.clear();
            refresh();
        }, this::failed);
    }

    @FXML
    private void cancelReturn() {
        loans.getSelectionModel().clearSelection();
        pick(null, true);
    }

    @FXML
    private void giveBack() {
        Loan loan = loans.getSelectionModel().getSelectedItem();
        if (loan == null) {
            return;
        }
        LoanReturn back = new LoanReturn(returnHandedBy.getText(), returnReceivedBy.getText(), returnCondition.getValue(),
                returnNote.getText());
        String actor = ctx.session().operator().id();
        ctx.async(() -> service.giveBack(loan.loanId(), back, actor), l -> {
            show(ctx.text("tech.eq.returned", l.device().deviceId(), l.fromOffice()), false);
            returnHandedBy.clear();
            returnReceivedBy.clear();
            returnNote.clear();
            pick(null, true);
            refresh();
        }, this::failed);
    }

    private void failed(Throwable e) {
        show(String.valueOf(e.getMessage()), true);
    }

    private void show(String text, boolean error) {
        message.setText(text);
        message.getStyleClass().removeAll("field-error", "card-ok");
        message.getStyleClass().add(error ? "field-error" : "quality-ok");
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
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
}
