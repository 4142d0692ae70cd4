package id.rekam.app.ports;

import id.rekam.sync.SyncStatus;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Delivery of this station's records to the central server, running in the background once the
 * store is unlocked. Listeners are called on the sync thread: screens hand over to the FX thread.
 */
public interface SyncPort {

    /** False while the station has no central server configured (not provisioned yet). */
    boolean configured();

    /**
     * Starts background delivery from the store the station has unlocked; does nothing when not
     * configured or while no store is open.
     */
    void start();

    /** Stops delivery and cancels the calls in flight; safe to call more than once. */
    void stop();

    /** Asks for a pass now instead of waiting for the next poll or retry. */
    void pushNow();

    /** The latest snapshot, empty before the service has started. */
    Optional<SyncStatus> status();

    void addListener(Consumer<SyncStatus> listener);

    void removeListener(Consumer<SyncStatus> listener);

    /** Relaying team members' bundles, while delivery runs (a configured station with its store open). */
    default Optional<TeamRelay> teamRelay() {
        return Optional.empty();
    }
}
