package id.rekam.app.cards;

import id.rekam.app.ui.AppContext;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.ResourceBundle;

/** Loads the card views with their own bundle ({@code id/rekam/app/cards/messages}) and the shared desk. */
final class CardsFxml {

    static final String BUNDLE = "id.rekam.app.cards.messages";

    private CardsFxml() {
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Parent load(String name, AppContext ctx, CardDesk desk, ResourceBundle bundle) {
        FXMLLoader loader = new FXMLLoader(CardsFxml.class.getResource("/id/rekam/app/cards/" + name + ".fxml"), bundle);
        loader.setControllerFactory(type -> {
            try {
                return type.getConstructor(AppContext.class, CardDesk.class, ResourceBundle.class)
                        .newInstance(ctx, desk, bundle);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build controller " + type.getName(), e);
            }
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load card view " + name, e);
        }
    }
}
