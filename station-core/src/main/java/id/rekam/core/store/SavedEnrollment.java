package id.rekam.core.store;

import id.rekam.core.domain.RegistrationId;

/** Receipt of a committed capture: its packet is sealed, signed and in the outbox as CAPTURED. */
public record SavedEnrollment(RegistrationId id, String packetId, String sha256, long bodyLength) {
}
