package id.rekam.core.store;

import java.time.Instant;

/** The central server locked this station (signed {@code lock} command); nobody unlocks it until it sends {@code unlock}. */
public class StationLockedException extends StoreException {

    public StationLockedException(Instant since, String commandId) {
        super("store.lockedByServer", since, commandId);
    }
}
