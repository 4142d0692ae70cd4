package id.rekam.app.commit;

import id.rekam.app.enroll.EnrollController.StepId;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.Pane;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What still blocks saving, as one link per step ("Foto (Ctrl+2)"). With gaps the save button is
 * disabled, so the focus goes to the first link: Enter there opens the step, Tab moves along.
 */
final class ReviewGaps {

    private ReviewGaps() {
    }

    /** The step that fills a {@code review.missing.*} gap. */
    static StepId stepOf(String missingKey) {
        return switch (missingKey) {
            case "review.missing.biodata" -> StepId.BIODATA;
            case "review.missing.photo" -> StepId.PHOTO;
            case "review.missing.fingers" -> StepId.FINGERS;
            default -> StepId.SIGNATURE;
        };
    }

    /** Fills {@code links}; returns the first link, or null when nothing is missing. */
    static Hyperlink show(Pane links, List<String> missingKeys, Function<String, String> text, Consumer<StepId> go) {
        links.getChildren().clear();
        Hyperlink first = null;
        for (String key : missingKeys) {
            StepId step = stepOf(key);
            Hyperlink link = new Hyperlink(text.apply(key) + "  (Ctrl+" + (step.ordinal() + 1) + ")");
            link.setId("gap-" + step.name());
            link.setOnAction(e -> go.accept(step));
            links.getChildren().add(link);
            if (first == null) {
                first = link;
            }
        }
        return first;
    }
}
