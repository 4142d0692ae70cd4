package id.rekam.core.commit;

import java.util.Objects;

/**
 * A supervisor's review of a record the duplicate check (or its exception count) sent to review:
 * who looked and what they concluded. The note is personal data (it names people, documents,
 * injuries) and is stored sealed.
 */
public record ReviewNote(String supervisor, String note) {

    public ReviewNote {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(note, "note");
    }

    /** Never prints the note. */
    @Override
    public String toString() {
        return "ReviewNote[" + supervisor + "]";
    }
}
