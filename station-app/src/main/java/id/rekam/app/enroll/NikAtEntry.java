package id.rekam.app.enroll;

import id.rekam.app.ports.RecordSummary;
import id.rekam.app.ui.AppContext;
import id.rekam.core.domain.Nik;
import javafx.scene.control.Hyperlink;

import java.util.Optional;

/**
 * The local same-NIK check, run as soon as the NIK field holds a complete, valid number: a
 * person already recorded on this station is found before the photo and ten fingers are taken,
 * not at save. The finding blocks the step (an error under the NIK) and offers the existing
 * record. The lookup runs on a worker; an answer for a NIK the field no longer holds is dropped.
 */
final class NikAtEntry {

    private final AppContext ctx;
    private final Hyperlink openExisting;
    private final Runnable changed;
    private String checking = "";
    private RecordSummary existing;

    NikAtEntry(AppContext ctx, Hyperlink openExisting, Runnable changed) {
        this.ctx = ctx;
        this.openExisting = openExisting;
        this.changed = changed;
        openExisting.setOnAction(e -> open());
        show(false);
    }

    /** The NIK field changed; {@code valid}: 16 digits the NIK rules accept. */
    void nikChanged(String nik, boolean valid) {
        boolean had = existing != null;
        existing = null;
        checking = valid ? nik : "";
        show(false);
        if (had) {
            changed.run();
        }
        if (!valid) {
            return;
        }
        var records = ctx.session().store().records();
        ctx.async(() -> records.findByNik(Nik.of(nik)), found -> {
            if (nik.equals(checking) && found.isPresent()) {
                existing = found.get();
                show(true);
                changed.run();
            }
        }, e -> { });
    }

    /** The error under the NIK while the number is already recorded here. */
    Optional<Message> message() {
        return Optional.ofNullable(existing).map(s -> Message.error("error.nik.recorded", s.fullName(),
                s.id().value().substring(0, 8), ctx.text("recordStatus." + s.status().name())));
    }

    private void show(boolean visible) {
        openExisting.setVisible(visible);
        openExisting.setManaged(visible);
    }

    private void open() {
        RecordSummary s = existing;
        if (s != null) {
            ctx.navigator().showRecord(s.id());
        }
    }
}
