package id.rekam.app.ui;

import id.rekam.app.AppConfig;
import id.rekam.app.StationServices;
import javafx.application.Platform;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What every controller gets: configuration, services, the session, navigation and a worker pool. */
public final class AppContext implements AutoCloseable {

    private final AppConfig config;
    private final StationServices services;
    private final ResourceBundle bundle;
    private final Session session = new Session();
    private final ExecutorService background;
    private Navigator navigator;

    public AppContext(AppConfig config, StationServices services, ResourceBundle bundle) {
        this.config = config;
        this.services = services;
        this.bundle = bundle;
        // An unprovisioned station names no office and no id: the header and footer agree on it.
        session.officeNameProperty().set(config.registered() ? config.officeName() : bundle.getString("station.unprovisioned"));
        session.districtCodeProperty().set(config.districtCode());
        session.stationIdProperty().set(config.registered() ? config.stationId() : "");
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "rekam-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public AppConfig config() {
        return config;
    }

    public StationServices services() {
        return services;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Session session() {
        return session;
    }

    public Navigator navigator() {
        return navigator;
    }

    void attach(Navigator navigator) {
        this.navigator = navigator;
    }

    /** Numbers in the desk's locale: the Indonesian bundle is the base one (root locale), which wrote 36,388 for 36.388. */
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, config.locale()).format(args);
    }

    /** What a failure means for the operator, in the desk's language (never the exception's own text). */
    public String explain(Throwable failure) {
        return new ErrorText(bundle, config.locale()).of(failure);
    }

    /** A device's failure for the operator: what happened to which device and what to do. */
    public String explain(id.rekam.app.ports.DeviceFailure failure, String deviceKey) {
        return new ErrorText(bundle, config.locale()).device(failure, deviceKey);
    }

    /**
     * Runs work off the FX thread (store and device calls may take long) and hands the
     * result back on the FX thread. Errors go to {@code onError} on the FX thread.
     */
    public <T> void async(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        CompletableFuture.supplyAsync(work, background).whenComplete((r, e) -> Platform.runLater(() -> {
            if (e != null) {
                onError.accept(e.getCause() != null ? e.getCause() : e);
            } else {
                onResult.accept(r);
            }
        }));
    }

    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        // Delivery stops (its calls cancelled) before the store it reads from is closed.
        services.sync().stop();
        background.shutdownNow();
        if (session.storeProperty().get() != null) {
            session.storeProperty().get().close();
        }
    }
}
