package id.rekam.sync;

/** Callbacks from the sync service's thread; implementations hand over to their UI thread. */
public interface SyncListener {

    /** After every pass and every state change worth showing. */
    default void statusChanged(SyncStatus status) {
    }

    /** A pass failed; {@code reason} is already in the station's language. */
    default void failed(SyncFailure failure, String reason) {
    }
}
