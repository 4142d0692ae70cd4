package id.rekam.core.equipment;

/** The state a device is in when it changes hands; details go in the sealed note. */
public enum Condition {
    GOOD,
    MINOR_DEFECTS,
    DAMAGED
}
