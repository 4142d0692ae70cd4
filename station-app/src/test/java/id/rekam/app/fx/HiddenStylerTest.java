package id.rekam.app.fx;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A screen styled hidden ahead of time comes back whole, in order, styled; scroll panes lose their viewport cache. */
@ExtendWith(ApplicationExtension.class)
class HiddenStylerTest {

    private StackPane content;

    @Start
    void start(Stage stage) {
        content = new StackPane(new Label("home"));
        stage.setScene(new Scene(content, 800, 600));
        stage.show();
    }

    private static Parent form() {
        GridPane grid = new GridPane();
        for (int i = 0; i < 30; i++) {
            VBox field = new VBox(new Label("label " + i), new TextField("value " + i), new Label());
            field.setId("field-" + i);
            GridPane.setConstraints(field, i % 3, i / 3);
            grid.getChildren().add(field);
        }
        ScrollPane scroll = new ScrollPane(new VBox(new Label("title"), grid));
        return new VBox(new Label("wizard"), scroll);
    }

    private static List<String> shape(Node n) {
        List<String> out = new ArrayList<>();
        out.add(n.getClass().getSimpleName() + "#" + n.getId());
        if (n instanceof ScrollPane sp && sp.getContent() != null) {
            out.addAll(shape(sp.getContent()));
        } else if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control)) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(shape(c)));
        }
        return out;
    }

    @Test
    void aScreenStyledAheadComesBackWholeAndStyled(FxRobot robot) throws Exception {
        Parent form = form();
        List<String> before = shape(form);
        HiddenStyler[] styler = new HiddenStyler[1];
        robot.interact(() -> {
            styler[0] = HiddenStyler.attach(content, form);
            assertThat(form.isVisible()).isFalse();
            assertThat(styler[0].done()).as("taken apart, put back over several frames").isFalse();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> styler[0].done());
        robot.interact(() -> {
            assertThat(shape(form)).isEqualTo(before);
            TextField field = (TextField) robot.lookup("#field-29").queryAs(VBox.class).getChildren().get(1);
            assertThat(field.getSkin()).as("styled: its skin exists before it is shown").isNotNull();
            assertThat(form.isVisible()).isFalse();
            styler[0].reveal();
            assertThat(form.isVisible()).isTrue();
        });
    }

    @Test
    void revealBeforeTheFramesGotThereFinishesAtOnce(FxRobot robot) {
        Parent form = form();
        List<String> before = shape(form);
        robot.interact(() -> {
            HiddenStyler styler = HiddenStyler.attach(content, form);
            styler.reveal();
            assertThat(styler.done()).isTrue();
            assertThat(shape(form)).isEqualTo(before);
        });
    }

    @Test
    void scrollPanesHaveNoViewportCache(FxRobot robot) {
        ScrollPane scroll = new ScrollPane(new VBox(new TextField()));
        ScrollPane untouched = new ScrollPane(new VBox(new TextField()));
        ViewportCache.disableUnder(new VBox(scroll));
        robot.interact(() -> {
            content.getChildren().setAll(scroll.getParent(), untouched);
            scroll.applyCss();
            untouched.applyCss();
            assertThat(viewport(untouched).isCache()).as("ScrollPaneSkin's default").isTrue();
            assertThat(viewport(scroll).isCache()).isFalse();
        });
    }

    private static Node viewport(ScrollPane sp) {
        return sp.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("viewport")).findFirst().orElseThrow();
    }
}
