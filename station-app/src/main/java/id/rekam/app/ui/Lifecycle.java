package id.rekam.app.ui;

/** Optional hooks of a controller: called when its screen leaves (stop camera threads, save drafts). */
public interface Lifecycle {

    void onLeave();

    /**
     * Called on the FX thread once the screen is in the window. A screen built ahead of time on
     * a worker ({@link Navigator#prepare}) does here what must not happen off-screen (focus, devices).
     */
    default void onShown() {
    }
}
