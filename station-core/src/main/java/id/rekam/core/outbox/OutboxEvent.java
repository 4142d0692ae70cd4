package id.rekam.core.outbox;

import java.time.Instant;

/**
 * A small idempotent message (approval, hand-over, ...). {@code id} is generated on the
 * station and doubles as the idempotency key, so the server can accept re-sends safely.
 */
public record OutboxEvent(String id, String type, String jsonPayload, Instant createdAt, EventState state) {
}
