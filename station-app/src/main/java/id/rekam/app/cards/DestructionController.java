package id.rekam.app.cards;

import id.rekam.app.receipt.ReceiptPrinter;
import id.rekam.app.ui.AppContext;
import id.rekam.core.cards.DestructionCategory;
import id.rekam.core.cards.DestructionPlan;
import id.rekam.core.cards.DestructionRecord;
import id.rekam.core.cards.Official;
import id.rekam.core.cards.Witness;
import id.rekam.core.domain.Nik;
import id.rekam.reports.BeritaAcaraPemusnahan;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;

import java.awt.print.PrinterException;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Destruction register: cards are put on the list with their category; the witnessed
 * destruction burns them all and renders the berita acara PDF in memory and sends it to the printer (never to the data dir).
 */
public final class DestructionController {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final AppContext ctx;
    private final CardDesk desk;
    private final ResourceBundle text;
    private final List<Witness> witnesses = new ArrayList<>();

    @FXML private TextField serial;
    @FXML private ChoiceBox<DestructionCategory> category;
    @FXML private TextField ownerNik;
    @FXML private ListView<String> pending;
    @FXML private TextField number;
    @FXML private TextField date;
    @FXML private TextField place;
    @FXML private TextField office;
    @FXML private TextField region;
    @FXML private TextField officerName;
    @FXML private TextField officerPosition;
    @FXML private TextField officerNip;
    @FXML private TextField witnessName;
    @FXML private TextField witnessPosition;
    @FXML private TextField witnessOffice;
    @FXML private ListView<String> witnessList;
    @FXML private Label destructionMessage;
    @FXML private ScrollPane page;
    @FXML private ListView<DestructionRecord> history;
    @FXML private Button reprint;
    @FXML private Label reprintMessage;

    /** The berita acara last rendered, in memory only (what was sent to the printer). */
    private byte[] lastPdf;

    public DestructionController(AppContext ctx, CardDesk desk, ResourceBundle text) {
        this.ctx = ctx;
        this.desk = desk;
        this.text = text;
    }

    @FXML
    void initialize() {
        category.getItems().setAll(DestructionCategory.values());
        category.setValue(DestructionCategory.DAMAGED);
        category.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DestructionCategory c) {
                return c == null ? "" : text.getString("category." + c.name());
            }

            @Override
            public DestructionCategory fromString(String s) {
                return null;
            }
        });
        date.setText(LocalDate.now(desk.zone()).format(DATE));
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DestructionRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : MessageFormat.format(text.getString("destruction.historyItem"),
                        r.number(), r.date().format(DATE), r.place(), r.total()));
            }
        });
        reprint.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull());
        // Lets whoever holds the view (a shell's "show document" action, the UI tests) reach lastPdf().
        page.getProperties().put(DestructionController.class, this);
        refresh();
    }

    @FXML
    void register() {
        String s = serial.getText();
        DestructionCategory c = category.getValue();
        String nik = ownerNik.getText().strip();
        ctx.async(() -> desk.destruction().register(s, c, nik.isEmpty() ? null : Nik.of(nik),
                        ctx.session().operator().id()),
                card -> {
                    BatchController.show(destructionMessage, true,
                            MessageFormat.format(text.getString("destruction.registered"), card.serial()));
                    serial.clear();
                    ownerNik.clear();
                    refresh();
                }, e -> BatchController.show(destructionMessage, false, e instanceof IllegalArgumentException
                        ? text.getString("destruction.nikShape") : desk.explain(e)));
    }

    @FXML
    void addWitness() {
        String name = witnessName.getText().strip();
        String body = witnessOffice.getText().strip();
        if (name.isEmpty() || body.isEmpty()) {
            BatchController.show(destructionMessage, false, text.getString("destruction.witnessIncomplete"));
            return;
        }
        witnesses.add(new Witness(name, witnessPosition.getText().strip(), body));
        witnessList.getItems().add(name + " — " + body);
        witnessName.clear();
        witnessPosition.clear();
        witnessOffice.clear();
        // An earlier "no witness" error no longer holds.
        BatchController.show(destructionMessage, true,
                MessageFormat.format(text.getString("destruction.witnessAdded"), witnesses.size()));
    }

    @FXML
    void destroy() {
        LocalDate held;
        try {
            held = LocalDate.parse(date.getText().strip(), DATE);
        } catch (DateTimeParseException e) {
            BatchController.show(destructionMessage, false, text.getString("destruction.dateShape"));
            return;
        }
        DestructionPlan plan = new DestructionPlan(number.getText(), held, place.getText(), DestructionPlan.BURNING,
                office.getText(), region.getText(),
                new Official(officerName.getText().strip(), officerPosition.getText().strip(), officerNip.getText().strip()),
                List.copyOf(witnesses));
        ctx.async(() -> {
            DestructionRecord r = desk.destruction().destroy(plan, ctx.session().operator().id());
            // Never written to the data dir: it names the witnesses. The store keeps the record,
            // so the same document can be rendered again from its number at any time.
            byte[] pdf = new BeritaAcaraPemusnahan().render(r);
            // The destruction is committed; a printer problem only means printing again later.
            return new Object[] {r, pdf, print(pdf)};
        }, res -> {
            DestructionRecord r = (DestructionRecord) res[0];
            lastPdf = (byte[]) res[1];
            BatchController.show(destructionMessage, true, MessageFormat.format(text.getString("destruction.done"),
                    r.total(), r.number(), text.getString((Boolean) res[2] ? "destruction.printed"
                            : "destruction.noPrinter")));
            witnesses.clear();
            witnessList.getItems().clear();
            // A document number is used once; the other fields usually stay the same next time.
            number.clear();
            refresh();
        }, e -> BatchController.show(destructionMessage, false, desk.explain(e)));
    }

    /**
     * Renders the berita acara of the selected past destruction again, in memory only, and sends
     * it to the printer; the store audits the reprint.
     */
    @FXML
    void reprint() {
        DestructionRecord selected = history.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        String operator = ctx.session().operator().id();
        ctx.async(() -> {
            DestructionRecord r = desk.destruction().reprint(selected.number(), operator);
            byte[] pdf = new BeritaAcaraPemusnahan().render(r);
            return new Object[] {r, pdf, print(pdf)};
        }, res -> {
            DestructionRecord r = (DestructionRecord) res[0];
            lastPdf = (byte[]) res[1];
            boolean printed = (Boolean) res[2];
            BatchController.show(reprintMessage, printed, MessageFormat.format(text.getString(printed
                    ? "destruction.reprinted" : "destruction.reprintNoPrinter"), r.number()));
            if (!printed) {
                // Not an error: the document exists, only the printer is missing.
                reprintMessage.getStyleClass().setAll("label", "card-warning");
            }
        }, e -> BatchController.show(reprintMessage, false, desk.explain(e)));
    }

    private static boolean print(byte[] pdf) {
        try {
            return new ReceiptPrinter().print(pdf);
        } catch (IOException | PrinterException e) {
            return false;
        }
    }

    /** The berita acara last rendered (destruction or reprint), in memory only. */
    public byte[] lastPdf() {
        return lastPdf;
    }

    private void refresh() {
        ctx.async(() -> desk.destruction().pending(), items -> pending.getItems().setAll(items.stream()
                .map(i -> i.serial() + " — " + text.getString("category." + i.category().name())).toList()),
                e -> BatchController.show(destructionMessage, false, desk.explain(e)));
        ctx.async(() -> desk.destruction().all(), past -> history.getItems().setAll(past),
                e -> BatchController.show(reprintMessage, false, desk.explain(e)));
    }
}
