package id.rekam.app.fx;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from a background thread to the FX thread, keeping only the newest: however
 * often the sync thread reports, at most one update waits in the FX queue.
 */
public final class FxLatest<T> implements Consumer<T> {

    private final Consumer<T> onFx;
    private final AtomicReference<T> pending = new AtomicReference<>();

    public FxLatest(Consumer<T> onFx) {
        this.onFx = onFx;
    }

    @Override
    public void accept(T value) {
        if (pending.getAndSet(value) == null) {
            Platform.runLater(() -> onFx.accept(pending.getAndSet(null)));
        }
    }
}
