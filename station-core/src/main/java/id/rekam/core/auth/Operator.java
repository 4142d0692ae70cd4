package id.rekam.core.auth;

import java.time.Instant;

/** An account as the application sees it after login. Holds no secret. */
public record Operator(String username, Role role, Instant createdAt) {
}
