package id.rekam.core.cases;

/** Where a KTP ganda case came from. */
public enum CaseSource {
    /** A supervisor saved a record although this station's own check found a possible duplicate. */
    STATION_OVERRIDE,
    /** The central server's verdict on one of this station's records ({@code duplicate}, {@code needs-review}, ...). */
    SERVER_VERDICT,
    /** The central server assigned the case to this station (signed feed entry {@code case-assigned}). */
    SERVER_ASSIGNED
}
