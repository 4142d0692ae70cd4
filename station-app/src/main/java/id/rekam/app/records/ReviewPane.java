package id.rekam.app.records;

import id.rekam.app.ports.RecordService.Review;
import id.rekam.app.ui.AppContext;
import id.rekam.core.commit.ReviewFlags;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.text.DeskTimes;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;

/**
 * One record as the supervisor reviews it: photo with the backdrop rule and what the photo shows,
 * the flags of core's capture rules, biodata, fingers, signature, who recorded it where.
 */
final class ReviewPane {

    record Nodes(Label name, Label status, ImageView photo, Label background, VBox flags, Label fingers,
                 Label provenance, GridPane facts, ImageView signature) {
    }

    private final AppContext ctx;
    private final Nodes n;

    ReviewPane(AppContext ctx, Nodes nodes) {
        this.ctx = ctx;
        this.n = nodes;
        Facts.prepare(n.facts(), Facts.ROW_COUNT);
    }

    /** Shows the record; its images are decoded on a worker. */
    void show(Review review) {
        EnrollmentRecord r = review.record();
        n.name().setText(r.demographics().fullName());
        n.status().setText(ctx.text("recordStatus." + review.status().name()));
        n.status().getStyleClass().setAll("label", "status-chip", "status-" + review.status().name());
        Facts.fill(n.facts(), Facts.rows(r.demographics(), ctx.bundle()));
        n.fingers().setText(Facts.fingerSummary(r.fingerprints(), ctx.bundle()));
        n.provenance().setText(ctx.text("approval.provenance", r.operatorId(), r.stationId(),
                DeskTimes.format(r.createdAt(), ZoneId.systemDefault())));
        showFlags(review.findings(), r);
        n.photo().setImage(null);
        n.signature().setImage(null);
        ctx.async(() -> new Image[] {new Image(new ByteArrayInputStream(r.photo().jpeg())),
                        new Image(new ByteArrayInputStream(r.signature().png()))},
                images -> {
                    n.photo().setImage(images[0]);
                    n.signature().setImage(images[1]);
                }, e -> { });
    }

    private void showFlags(ReviewFlags.Findings f, EnrollmentRecord r) {
        String rule = ctx.text("photo.bg." + f.required().name(), r.demographics().birthDate().getYear());
        boolean wrong = f.has(ReviewFlags.Flag.WRONG_BACKGROUND);
        n.background().setText(wrong
                ? ctx.text("review.background.wrong", rule, f.seen().map(s -> ctx.text("photo.color." + s.name()))
                        .orElse(ctx.text("photo.color.none")))
                : ctx.text("review.background.ok", rule));
        n.background().getStyleClass().setAll("label", wrong ? "flag-bad" : "quality-ok");
        n.flags().getChildren().clear();
        for (ReviewFlags.Flag flag : f.flags()) {
            if (flag == ReviewFlags.Flag.WRONG_BACKGROUND) {
                continue;
            }
            Label l = new Label(ctx.text("review.flag." + flag.name()));
            l.setWrapText(true);
            l.getStyleClass().add("flag-warn");
            l.setId("flag-" + flag.name());
            n.flags().getChildren().add(l);
        }
    }

    void clear() {
        n.name().setText(ctx.text("approval.noneChosen"));
        n.status().setText("");
        n.status().getStyleClass().setAll("label");
        n.photo().setImage(null);
        n.signature().setImage(null);
        n.background().setText("");
        n.flags().getChildren().clear();
        n.fingers().setText("");
        n.provenance().setText("");
        Facts.prepare(n.facts(), Facts.ROW_COUNT);
    }
}
