package id.rekam.app.commit;

import id.rekam.app.ui.AppContext;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.identification.DuplicatePolicy;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The review step's view of the duplicate check while it runs: how far the station's index is
 * when the check has to wait for it, how many of the most similar records were compared, and
 * each candidate with its per-finger scores as soon as it is found. Progress arrives from
 * background threads and is shown on the FX thread.
 */
final class CheckView {

    private final AppContext ctx;
    private final Region box;
    private final ProgressBar bar;
    private final Label text;
    private final VBox candidates;
    private final Set<RegistrationId> shown = new HashSet<>();
    /** Bumped at each check, so late updates of an earlier check are dropped. */
    private int generation;

    CheckView(AppContext ctx, Region box, ProgressBar bar, Label text, VBox candidates) {
        this.ctx = ctx;
        this.box = box;
        this.bar = bar;
        this.text = text;
        this.candidates = candidates;
    }

    /** Shows the box for a new check and returns what the check reports to. */
    DuplicateCheck.Progress start() {
        int mine = ++generation;
        shown.clear();
        candidates.getChildren().clear();
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        text.setText(ctx.text("review.checking"));
        show(true);
        return new DuplicateCheck.Progress() {
            @Override
            public void indexProgress(int done, int total) {
                fx(mine, () -> {
                    bar.setProgress(total > 0 ? (double) done / total : ProgressBar.INDETERMINATE_PROGRESS);
                    text.setText(ctx.text("review.indexBuilding", done, total));
                });
            }

            @Override
            public void checking(int verified, int shortlisted) {
                fx(mine, () -> {
                    bar.setProgress(shortlisted > 0 ? (double) verified / shortlisted : 1);
                    text.setText(ctx.text("review.comparing", verified, shortlisted));
                });
            }

            @Override
            public void candidate(DuplicateCheck.Candidate c) {
                fx(mine, () -> add(c));
            }
        };
    }

    private void fx(int mine, Runnable r) {
        Platform.runLater(() -> {
            if (mine == generation) {
                r.run();
            }
        });
    }

    /** The check ended: its final list stands (ordered by severity, then similarity). */
    void finished(List<DuplicateCheck.Candidate> all) {
        generation++;
        candidates.getChildren().clear();
        shown.clear();
        all.forEach(this::add);
        bar.setProgress(1);
        text.setText(all.isEmpty() ? ctx.text("review.checkClear") : ctx.text("review.checkFound", all.size()));
    }

    void hide() {
        generation++;
        show(false);
    }

    private void add(DuplicateCheck.Candidate c) {
        if (!shown.add(c.id())) {
            return;
        }
        Label line = new Label(line(c));
        line.setWrapText(true);
        line.getStyleClass().add("candidate-line");
        candidates.getChildren().add(line);
    }

    /** "• NAME (no. 1a2b3c4d…): 3 fingers at the same position — Right thumb 143; Right index ↔ Right middle 98". */
    String line(DuplicateCheck.Candidate c) {
        String name = c.fullName() == null ? "?" : c.fullName();
        String fingers = c.match().matches().stream().map(this::pair).collect(Collectors.joining("; "));
        String kind = c.match().verdict() == DuplicatePolicy.Verdict.POSSIBLE_DUPLICATE
                ? ctx.text("review.candidate.same", c.match().samePositionMatches())
                : ctx.text("review.candidate.cross", c.match().matches().size());
        return ctx.text("review.candidateLine", name, c.id().value().substring(0, 8), kind, fingers);
    }

    private String pair(DuplicatePolicy.FingerScore s) {
        String probe = ctx.text("finger." + s.probe().name());
        long score = Math.round(s.score());
        return s.samePosition() ? ctx.text("review.fingerScore", probe, score)
                : ctx.text("review.fingerScoreCross", probe, ctx.text("finger." + s.stored().name()), score);
    }

    private void show(boolean visible) {
        box.setVisible(visible);
        box.setManaged(visible);
    }
}
