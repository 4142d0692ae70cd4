package id.rekam.core.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When and where the citizen is invited, and the office's unit code for the letter number.
 *
 * @param slot for a batch: the time between two citizens' appointments (the first at {@code appointment})
 */
public record InvitationRequest(Instant appointment, String place, String unit, Duration slot) {

    public InvitationRequest {
        Objects.requireNonNull(appointment, "appointment");
        slot = slot == null ? Duration.ofMinutes(15) : slot;
    }

    public InvitationRequest(Instant appointment, String place, String unit) {
        this(appointment, place, unit, null);
    }
}
