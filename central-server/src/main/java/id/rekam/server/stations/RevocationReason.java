package id.rekam.server.stations;

import java.util.Locale;

/** Why a station is shut out; stolen and lost ones are what a loss report is for. */
public enum RevocationReason {
    STOLEN, LOST, DECOMMISSIONED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything else */
    public static RevocationReason fromWire(String s) {
        for (RevocationReason r : values()) {
            if (r.wire().equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("reason must be stolen, lost or decommissioned");
    }

    /** The station may be in someone else's hands: its data may have been exposed. */
    public boolean possibleExposure() {
        return this != DECOMMISSIONED;
    }
}
