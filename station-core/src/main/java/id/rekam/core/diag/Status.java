package id.rekam.core.diag;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a diagnostic check ended; the worst of its findings is an area's, and a report's, status. */
public enum Status {
    OK,
    WARNING,
    FAILED;

    /** The worse of the two. */
    public Status and(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
