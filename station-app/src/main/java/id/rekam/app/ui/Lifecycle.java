package id.rekam.app.ui;

/** Optional hooks of a controller: called when its screen leaves (stop camera threads, save drafts). */
public interface Lifecycle {

    void onLeave();
}
