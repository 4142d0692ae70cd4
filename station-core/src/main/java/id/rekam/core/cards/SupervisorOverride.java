package id.rekam.core.cards;

import java.util.Objects;

/**
 * A supervisor's exception to a failed fingerprint match: who (authenticated with their own
 * password at the desk), why (e.g. worn fingers) and which second factor they checked.
 */
public record SupervisorOverride(String supervisor, char[] password, String reason, SecondFactor secondFactor) {

    public SupervisorOverride {
        Objects.requireNonNull(secondFactor, "secondFactor");
    }
}
