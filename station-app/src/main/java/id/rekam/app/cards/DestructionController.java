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
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

    /** The last PDF written (for tests and the "open" action of a shell). */
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
        date.setText(LocalDate.now(desk.store().zone()).format(DATE));
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
        witnesses.add(new Witness(witnessName.getText().strip(), witnessPosition.getText().strip(),
                witnessOffice.getText().strip()));
        witnessList.getItems().add(witnessName.getText().strip() + " — " + witnessOffice.getText().strip());
        witnessName.clear();
        witnessPosition.clear();
        witnessOffice.clear();
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
            boolean printed;
            try {
                printed = new ReceiptPrinter().print(pdf);
            } catch (IOException | PrinterException e) {
                // The destruction is committed; a printer problem only means printing again later.
                printed = false;
            }
            return new Object[] {r, pdf, printed};
        }, res -> {
            DestructionRecord r = (DestructionRecord) res[0];
            lastPdf = (byte[]) res[1];
            BatchController.show(destructionMessage, true, MessageFormat.format(text.getString("destruction.done"),
                    r.total(), r.number(), text.getString((Boolean) res[2] ? "destruction.printed"
                            : "destruction.noPrinter")));
            witnesses.clear();
            witnessList.getItems().clear();
            refresh();
        }, e -> BatchController.show(destructionMessage, false, desk.explain(e)));
    }

    /** The berita acara of the last destruction, in memory only. */
    public byte[] lastPdf() {
        return lastPdf;
    }

    private void refresh() {
        ctx.async(() -> desk.destruction().pending(), items -> pending.getItems().setAll(items.stream()
                .map(i -> i.serial() + " — " + text.getString("category." + i.category().name())).toList()),
                e -> BatchController.show(destructionMessage, false, desk.explain(e)));
    }
}
