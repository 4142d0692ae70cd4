package id.rekam.core.commit;

import java.util.Objects;

/**
 * A supervisor saving a record although the local check found a possible duplicate. The reason
 * is personal data (it often names people or documents) and is stored sealed.
 *
 * @param supervisor user name of the supervisor who decided
 * @param reason     why the record is not a duplicate, in the supervisor's words
 */
public record DuplicateOverride(String supervisor, String reason) {

    public DuplicateOverride {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(reason, "reason");
    }

    /** Never prints the reason. */
    @Override
    public String toString() {
        return "DuplicateOverride[" + supervisor + "]";
    }
}
