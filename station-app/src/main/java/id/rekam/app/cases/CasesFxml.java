package id.rekam.app.cases;

import id.rekam.app.ui.AppContext;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.ResourceBundle;

/** Loads the case views with their own bundle ({@code id/rekam/app/cases/messages}) and the shared desk. */
final class CasesFxml {

    static final String BUNDLE = "id.rekam.app.cases.messages";

    private CasesFxml() {
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    record Loaded<C>(Parent root, C controller) {
    }

    static <C> Loaded<C> load(String name, AppContext ctx, CaseDesk desk) {
        FXMLLoader loader = new FXMLLoader(CasesFxml.class.getResource("/id/rekam/app/cases/" + name + ".fxml"),
                desk.bundle());
        loader.setControllerFactory(type -> {
            try {
                return type.getConstructor(AppContext.class, CaseDesk.class).newInstance(ctx, desk);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build controller " + type.getName(), e);
            }
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load case view " + name, e);
        }
    }
}
