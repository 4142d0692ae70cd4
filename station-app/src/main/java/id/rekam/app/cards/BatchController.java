package id.rekam.app.cards;

import id.rekam.app.ui.AppContext;
import id.rekam.core.cards.BatchCard;
import id.rekam.core.cards.BatchReceipt;
import id.rekam.core.cards.HolderKind;
import id.rekam.core.cards.NotHandedOverReport;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** Batch receipt (serials one per line, optionally "serial;NIK"), assignment, and the not-handed-over report. */
public final class BatchController {

    private final AppContext ctx;
    private final CardDesk desk;
    private final ResourceBundle text;

    @FXML private TextField batchId;
    @FXML private TextField declaredCount;
    @FXML private TextArea serials;
    @FXML private TextField witness;
    @FXML private Label batchMessage;
    @FXML private TextField assignSerial;
    @FXML private ChoiceBox<HolderKind> holderKind;
    @FXML private TextField holder;
    @FXML private TextField overdueDays;
    @FXML private TextArea overdueReport;

    public BatchController(AppContext ctx, CardDesk desk, ResourceBundle text) {
        this.ctx = ctx;
        this.desk = desk;
        this.text = text;
    }

    @FXML
    void initialize() {
        holderKind.getItems().setAll(HolderKind.values());
        holderKind.setValue(HolderKind.OFFICER);
        holderKind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(HolderKind k) {
                return k == null ? "" : text.getString("holder." + k.name());
            }

            @Override
            public HolderKind fromString(String s) {
                return null;
            }
        });
        overdueDays.setText("14");
        id.rekam.app.fx.Traversal.tabLeaves(serials);
        id.rekam.app.fx.Traversal.tabLeaves(overdueReport);
    }

    @FXML
    void receive() {
        List<BatchCard> cards = new ArrayList<>();
        for (String line : serials.getText().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("[;,\\t]");
            cards.add(BatchCard.of(parts[0].strip(), parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null));
        }
        int declared;
        try {
            declared = Integer.parseInt(declaredCount.getText().strip());
        } catch (NumberFormatException e) {
            show(batchMessage, false, text.getString("batch.countNumber"));
            return;
        }
        BatchReceipt receipt = new BatchReceipt(batchId.getText(), declared, cards, ctx.session().operator().id(),
                witness.getText());
        ctx.async(() -> desk.registry().receiveBatch(receipt),
                in -> show(batchMessage, true, MessageFormat.format(text.getString("batch.received"), in.size(),
                        receipt.batchId())),
                e -> show(batchMessage, false, desk.explain(e)));
    }

    @FXML
    void assign() {
        String serial = assignSerial.getText();
        ctx.async(() -> desk.registry().assign(serial, holderKind.getValue(), holder.getText(),
                        ctx.session().operator().id()),
                c -> show(batchMessage, true, MessageFormat.format(text.getString("batch.assigned"), c.serial(),
                        c.holder())),
                e -> show(batchMessage, false, desk.explain(e)));
    }

    @FXML
    void report() {
        int days;
        try {
            days = Integer.parseInt(overdueDays.getText().strip());
        } catch (NumberFormatException e) {
            overdueReport.setText(text.getString("batch.countNumber"));
            return;
        }
        ctx.async(() -> {
            NotHandedOverReport report = desk.registry().notHandedOver(days);
            // Kelurahan by name as well as code: the office knows its villages by name.
            java.util.Map<String, String> names = new java.util.HashMap<>();
            for (NotHandedOverReport.Group g : report.byVillage()) {
                ctx.services().regions().find(g.key()).ifPresent(region -> names.put(g.key(), region.name()));
            }
            villageNames = names;
            return report;
        }, r -> {
            if (r.total() == 0) {
                overdueReport.setText(MessageFormat.format(text.getString("report.none"), r.days()));
                return;
            }
            StringBuilder b = new StringBuilder(MessageFormat.format(text.getString("report.header"), r.days(), r.total()));
            b.append('\n').append(text.getString("report.byVillage")).append('\n');
            for (NotHandedOverReport.Group g : r.byVillage()) {
                String name = villageNames.get(g.key());
                b.append("  ").append(NotHandedOverReport.UNKNOWN.equals(g.key()) ? text.getString("report.villageUnknown")
                        : name == null ? g.key() : name + " (" + g.key() + ")").append(": ").append(g.count()).append('\n');
            }
            b.append(text.getString("report.byHolder")).append('\n');
            for (NotHandedOverReport.Group g : r.byHolder()) {
                b.append("  ").append(holderLabel(g.key())).append(": ").append(g.count()).append("  ")
                        .append(String.join(", ", g.serials())).append('\n');
            }
            overdueReport.setText(b.toString());
        }, e -> overdueReport.setText(desk.explain(e)));
    }

    private volatile java.util.Map<String, String> villageNames = java.util.Map.of();

    /** "OFFICER:Budi" as the operator reads it: "Petugas Budi"; the office stock by name. */
    private String holderLabel(String key) {
        if (NotHandedOverReport.STOCK.equals(key)) {
            return text.getString("report.stock");
        }
        int colon = key.indexOf(':');
        return text.getString("holder." + key.substring(0, colon)) + " " + key.substring(colon + 1);
    }

    static void show(Label label, boolean ok, String message) {
        label.getStyleClass().removeAll("card-ok", "card-error");
        label.getStyleClass().add(ok ? "card-ok" : "card-error");
        label.setText(message);
    }
}
