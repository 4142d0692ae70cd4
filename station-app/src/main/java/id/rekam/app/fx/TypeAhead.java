package id.rekam.app.fx;

import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import javafx.animation.PauseTransition;

import java.util.Locale;
import java.util.function.Function;

/**
 * Keyboard selection in a non-editable combo box: typing "ka" selects the first item whose
 * label starts with "ka". JavaFX's ComboBox has no type-ahead of its own.
 */
public final class TypeAhead {

    private TypeAhead() {
    }

    public static <T> void install(ComboBox<T> combo, Function<T, String> label) {
        StringBuilder typed = new StringBuilder();
        PauseTransition reset = new PauseTransition(Duration.millis(900));
        reset.setOnFinished(e -> typed.setLength(0));
        combo.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isShortcutDown()) {
                return;
            }
            typed.append(ch.toLowerCase(Locale.ROOT));
            reset.playFromStart();
            String prefix = typed.toString();
            for (T item : combo.getItems()) {
                if (label.apply(item).toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    combo.getSelectionModel().select(item);
                    break;
                }
            }
            e.consume();
        });
    }
}
