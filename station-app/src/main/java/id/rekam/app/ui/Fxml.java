package id.rekam.app.ui;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;

/** Loads an FXML view with the bundle and a controller built from the {@link AppContext}. */
public final class Fxml {

    private Fxml() {
    }

    public record Loaded<C>(Parent root, C controller) {
    }

    public static <C> Loaded<C> load(AppContext ctx, String resource) {
        FXMLLoader loader = new FXMLLoader(Fxml.class.getResource(resource), ctx.bundle());
        loader.setControllerFactory(type -> construct(type, ctx));
        try {
            Parent root = loader.load();
            id.rekam.app.fx.ViewportCache.disableUnder(root);
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }

    private static Object construct(Class<?> type, AppContext ctx) {
        try {
            try {
                return type.getConstructor(AppContext.class).newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("controller " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build controller " + type.getName(), e);
        }
    }
}
