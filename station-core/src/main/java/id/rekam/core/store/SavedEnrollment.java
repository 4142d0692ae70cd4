package id.rekam.core.store;

import id.rekam.core.domain.RegistrationId;
import id.rekam.core.outbox.OutboxState;

/**
 * Receipt of a committed capture: its packet is sealed, signed and in the outbox, either
 * CAPTURED (waiting for a supervisor's approval) or QUEUED (approved at commit).
 */
public record SavedEnrollment(RegistrationId id, String packetId, String sha256, long bodyLength, OutboxState state) {

    public boolean waitsForApproval() {
        return state == OutboxState.CAPTURED;
    }
}
