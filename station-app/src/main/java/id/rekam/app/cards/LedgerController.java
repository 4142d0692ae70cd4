package id.rekam.app.cards;

import id.rekam.app.ui.AppContext;
import id.rekam.core.cards.BlankLedger;
import id.rekam.core.cards.DayBalance;
import id.rekam.core.cards.LedgerKind;
import id.rekam.core.cards.StockForecast;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/** Blank-card (blanko) movements, the balance of the last days and the stock warning. */
public final class LedgerController {

    /** Warn when the stock lasts fewer days than this at the current rate. */
    static final int WARN_DAYS = 10;

    private final AppContext ctx;
    private final CardDesk desk;
    private final ResourceBundle text;

    @FXML private ChoiceBox<LedgerKind> kind;
    @FXML private TextField quantity;
    @FXML private TextField note;
    @FXML private Label ledgerMessage;
    @FXML private Label forecast;
    @FXML private ListView<String> days;
    @FXML private ListView<String> entries;

    public LedgerController(AppContext ctx, CardDesk desk, ResourceBundle text) {
        this.ctx = ctx;
        this.desk = desk;
        this.text = text;
    }

    @FXML
    void initialize() {
        kind.getItems().setAll(LedgerKind.values());
        kind.setValue(LedgerKind.USED);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LedgerKind k) {
                return k == null ? "" : text.getString("ledger.kind." + k.name());
            }

            @Override
            public LedgerKind fromString(String s) {
                return null;
            }
        });
        refresh();
    }

    @FXML
    void record() {
        int q;
        try {
            q = Integer.parseInt(quantity.getText().strip());
        } catch (NumberFormatException e) {
            BatchController.show(ledgerMessage, false, text.getString("batch.countNumber"));
            return;
        }
        LedgerKind k = kind.getValue();
        String n = note.getText();
        String actor = ctx.session().operator().id();
        ctx.async(() -> switch (k) {
            case RECEIVED -> desk.ledger().receive(q, n, actor);
            case USED -> desk.ledger().use(q, n, actor);
            case SPOILED -> desk.ledger().spoil(q, n, actor);
            case RETURNED -> desk.ledger().giveBack(q, n, actor);
        }, balance -> {
            BatchController.show(ledgerMessage, true, MessageFormat.format(text.getString("ledger.recorded"), balance));
            quantity.clear();
            note.clear();
            refresh();
        }, e -> BatchController.show(ledgerMessage, false, desk.explain(e)));
    }

    private void refresh() {
        ctx.async(() -> {
            StockForecast f = desk.ledger().forecast(WARN_DAYS);
            List<DayBalance> d = desk.ledger().daily(f.asOf().minusDays(6), f.asOf());
            return new Object[] {f, d, desk.ledger().entries(f.asOf(), f.asOf())};
        }, r -> {
            StockForecast f = (StockForecast) r[0];
            @SuppressWarnings("unchecked")
            List<DayBalance> d = (List<DayBalance>) r[1];
            String days = Double.isInfinite(f.daysLeft()) ? "∞" : String.format(ctx.config().locale(), "%.1f", f.daysLeft());
            BatchController.show(forecast, !f.warn(), MessageFormat.format(text.getString(
                    f.warn() ? "ledger.warn" : "ledger.forecast"), f.balance(),
                    String.format(ctx.config().locale(), "%.1f", f.averageDailyUse()), days));
            this.days.getItems().setAll(d.stream().map(x -> MessageFormat.format(text.getString("ledger.day"),
                    x.day().format(DestructionController.DATE), x.received(), x.used(), x.spoiled(), x.returned(), x.closing())).toList());
            @SuppressWarnings("unchecked")
            List<BlankLedger.Entry> today = (List<BlankLedger.Entry>) r[2];
            entries.getItems().setAll(today.stream().map(x -> MessageFormat.format(text.getString("ledger.entry"),
                    text.getString("ledger.kind." + x.kind().name()), x.quantity(),
                    x.reason() != null ? x.reason() : x.reference() != null ? x.reference() : "-", x.actor())).toList());
        }, e -> BatchController.show(forecast, false, desk.explain(e)));
    }

}
