package id.rekam.app.records;

import id.rekam.app.records.Facts;
import id.rekam.core.text.DeskTimes;
import id.rekam.app.receipt.Receipts;
import id.rekam.app.ui.AppContext;
import id.rekam.app.ui.Screen;
import id.rekam.app.ui.RecordPage;
import id.rekam.app.ui.ScreenKeys;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.core.text.DeskTimes;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.Optional;

/** One record, read-only: biodata, photo, fingers, signature and provenance. */
public final class RecordDetailController implements ScreenKeys, RecordPage {


    private final AppContext ctx;
    @FXML private Label title;
    @FXML private Label status;
    @FXML private GridPane facts;
    @FXML private ImageView photo;
    @FXML private Label fingers;
    @FXML private ImageView signature;
    @FXML private Label photoUnreadable;
    @FXML private Label signatureUnreadable;
    @FXML private Label provenance;
    @FXML private Label reprintText;
    @FXML private Label verdict;
    @FXML private Label regId;
    @FXML private javafx.scene.layout.VBox receiptBox;
    private ReceiptPane receipt;
    private RegistrationId shown;

    public RecordDetailController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        // Until a reprint says something, the message takes no room above "read only".
        reprintText.visibleProperty().bind(reprintText.textProperty().isNotEmpty());
        reprintText.managedProperty().bind(reprintText.visibleProperty());
        verdict.visibleProperty().bind(verdict.textProperty().isNotEmpty());
        receipt = new ReceiptPane(ctx, receiptBox, reprintText);
        verdict.managedProperty().bind(verdict.visibleProperty());
    }

    private record Loaded(Optional<EnrollmentRecord> record, Optional<ServerVerdict> verdict) {
    }

    @Override
    public void open(RegistrationId id) {
        shown = id;
        var records = ctx.session().store().records();
        ctx.async(() -> new Loaded(records.load(id), records.verdict(id)), this::show,
                e -> title.setText(ctx.text("status.error")));
    }

    private void show(Loaded l) {
        // The server's verdict as the store keeps it; VerdictText masks the other record's NIK.
        verdict.setText(l.verdict().map(v -> new VerdictText(ctx.bundle(), ctx.config().locale(), ZoneId.systemDefault()).describe(v))
                .orElse(""));
        Optional<EnrollmentRecord> loaded = l.record();
        if (loaded.isEmpty()) {
            title.setText(ctx.text("detail.notFound"));
            return;
        }
        EnrollmentRecord r = loaded.get();
        title.setText(r.demographics().fullName());
        regId.setText(ctx.text("detail.regId", r.id().value()));
        ctx.session().store().records().search(r.demographics().nik().value(), 5).stream()
                .filter(s -> s.id().equals(r.id())).findFirst().ifPresent(s -> {
                    status.setText(ctx.text("recordStatus." + s.status().name()));
                    status.getStyleClass().add("status-" + s.status().name());
                });
        Facts.fill(facts, Facts.rows(r.demographics(), ctx.bundle()));
        // An image that does not decode says so instead of leaving an empty frame (the demo's
        // records carry placeholder bytes, not pictures).
        Image face = new Image(new ByteArrayInputStream(r.photo().jpeg()));
        photo.setImage(face);
        photoUnreadable.setVisible(face.isError());
        Image signed = new Image(new ByteArrayInputStream(r.signature().png()));
        signature.setImage(signed);
        signatureUnreadable.setVisible(signed.isError());
        fingers.setText(Facts.fingerSummary(r.fingerprints(), ctx.bundle()));
        var cam = r.photo().provenance().device();
        var scan = r.fingerprints().get(0).provenance().device();
        provenance.setText(ctx.text("detail.provenance", r.id().value(), r.stationId(), r.operatorId(),
                DeskTimes.format(r.createdAt(), ZoneId.systemDefault()),
                id.rekam.app.ui.DeviceNames.of(cam, ctx.bundle()), id.rekam.app.ui.DeviceNames.of(scan, ctx.bundle())));
    }

    /**
     * Regenerates the receipt from the store and prints it; without a printer it is shown and can
     * be saved as a PDF where the operator chooses. Nothing is written on the station's disk.
     */
    @FXML
    private void reprintReceipt() {
        RegistrationId id = shown;
        if (id == null) {
            return;
        }
        Receipts receipts = new Receipts(ctx.session().store().records(), ctx.bundle(),
                ctx.session().officeName(), ZoneId.systemDefault());
        ctx.async(() -> receipts.reprint(id).orElseThrow(() -> new IllegalStateException("record " + id + " not found")),
                pdf -> {
                    receipt.ready(pdf, id.value().substring(0, 8));
                    receipt.print();
                }, e -> reprintText.setText(ctx.explain(e)));
    }

    @FXML
    private void back() {
        ctx.navigator().show(Screen.RECORDS);
    }

    /** Esc goes back to the list the record was opened from; Esc there goes home. */
    @Override
    public boolean onEscape() {
        back();
        return true;
    }
}
