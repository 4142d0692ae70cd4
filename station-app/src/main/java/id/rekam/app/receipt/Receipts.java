package id.rekam.app.receipt;

import id.rekam.app.ports.RecordService;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.app.ports.RecordStatus;
import id.rekam.app.ports.RecordSummary;
import id.rekam.core.domain.RegistrationId;
import id.rekam.reports.ReceiptPdf;

import java.time.ZoneId;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The tanda terima perekaman ({@link ReceiptPdf}, station-reports), regenerated from the
 * encrypted store whenever it is needed, in the desk's language and with the record's status as
 * the desk words it. The PDF names the citizen, so it exists only in memory on its way to the
 * printer: nothing readable is left in the data directory of a station that is stolen.
 */
public final class Receipts {

    private final RecordService records;
    private final ResourceBundle bundle;
    private final String officeName;
    private final ReceiptPdf pdf;

    /** @param bundle the desk's texts; the receipt is printed in their language */
    public Receipts(RecordService records, ResourceBundle bundle, String officeName, ZoneId zone) {
        this.records = records;
        this.bundle = bundle;
        this.officeName = officeName;
        this.pdf = new ReceiptPdf(bundle.getLocale(), zone);
    }

    /** The receipt for a record just committed (its status known to the caller). */
    public byte[] render(EnrollmentRecord r, RecordStatus status) {
        return pdf.render(r, new ReceiptPdf.Details(officeName, r.operatorId(),
                bundle.getString("recordStatus." + status.name())));
    }

    /** A reprint from the store, with the record's current status; empty if no such record. */
    public Optional<byte[]> reprint(RegistrationId id) {
        return records.load(id).map(r -> render(r, status(r)));
    }

    private RecordStatus status(EnrollmentRecord r) {
        return records.search(r.demographics().nik().value(), 5).stream()
                .filter(s -> s.id().equals(r.id())).findFirst()
                .map(RecordSummary::status)
                .orElseThrow(() -> new IllegalStateException("record " + r.id().value() + " not in the index"));
    }
}
