package id.rekam.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * Station-generated unique id of one recording. Generated offline, so it must be unique
 * without asking the server: a random UUID.
 */
public record RegistrationId(@JsonValue String value) {

    public RegistrationId {
        Objects.requireNonNull(value, "value");
        UUID.fromString(value);
    }

    public static RegistrationId random() {
        return new RegistrationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
